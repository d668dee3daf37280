/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import java.time.Instant;
import org.novaagent.runtime.AgentAssembly;
import org.novaagent.runtime.history.HistoryEntry;
import org.novaagent.runtime.history.RequestHistory;
import org.novaagent.runtime.config.AgentConfig;
import org.novaagent.runtime.loop.XenStoreFactory;
import org.novaagent.runtime.plugin.SelectionRow;
import org.novaagent.runtime.protocol.BadRequestException;
import org.novaagent.runtime.protocol.RequestCodec;
import org.novaagent.runtime.xenstore.XenStoreViews;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code agent call <command>}: lets an operator inside the guest run any command the host could
 * send, through the same selection, request parsing, router and handler as the XenStore loop,
 * with the guest's XenStore for the data the handler reads (for example {@code vm-data}).
 * {@code --dry-run} is the context's generic {@code dryRun()}, refused for handlers that do not
 * support it. {@code agent resetnetwork} is kept as an alias of {@code agent call resetnetwork}.
 */
@Command(name = "call", mixinStandardHelpOptions = true, versionProvider = AgentVersionProvider.class,
        description = {"Run one command here, as if the host had sent it (e.g. agent call resetnetwork --dry-run).",
            "The same handler selection, router and handler as the XenStore loop. With --root other than /, "
                + "files are written under that root and commands are only logged."},
        footer = ExitCodes.FOOTER)
public final class CallCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(CallCommand.class);

    /** Exactly one way to give the request value (none = the empty string). */
    static final class Value {
        @Option(names = "--value", paramLabel = "TEXT", description = "The request value, as a string (visible in ps: not for secrets).")
        String text;

        @Option(names = "--value-json", paramLabel = "JSON", description = "The request value as JSON, e.g. an object for file_inject.")
        String json;

        @Option(names = "--value-file", paramLabel = "FILE", description = "Read the string value from FILE (- for standard input).")
        Path file;
    }

    private final String fixedCommand;

    @Spec
    CommandSpec spec;

    @Mixin
    AgentOptions options;

    @Parameters(index = "0", arity = "0..1", paramLabel = "COMMAND", description = "The command name, as the host sends it.")
    String command;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Value value;

    @Option(names = "--xenstore", paramLabel = "PATH",
            description = "XenStore device or socket (default: xenstore.path of the config, else detected).")
    String xenstore;

    @Option(names = "--dry-run",
            description = "Report what the command would change and run, and change nothing (handlers that support it).")
    boolean dryRun;

    /** {@code agent call}: the command is the first parameter. */
    public CallCommand() {
        this(null);
    }

    private CallCommand(String fixedCommand) {
        this.fixedCommand = fixedCommand;
    }

    /**
     * @param command the command it always runs
     * @return a subcommand that is {@code agent call <command>} under the command's own name
     */
    static CallCommand alias(String command) {
        return new CallCommand(command);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String name = fixedCommand != null ? fixedCommand : command;
        if (name == null) {
            err.println("agent call: which command? (agent call COMMAND [--value TEXT] [--dry-run])");
            err.flush();
            return ExitCodes.USAGE;
        }
        Optional<AgentConfig> config = options.configOrReport("xenstore.path", xenstore);
        if (config.isEmpty()) {
            return ExitCodes.USAGE;
        }
        CommandRequest request;
        try {
            request = request(name);
        } catch (BadRequestException | IOException e) {
            return fail(err, ExitCodes.USAGE, "agent call " + name + ": " + e.getMessage());
        }
        AgentConfig cfg = config.get();
        AgentAssembly agent = options.assemble(cfg);
        CommandHandler handler = agent.selected().get(name);
        if (handler == null) {
            return fail(err, ExitCodes.FAILURE, noHandlerMessage(agent, name));
        }
        if (dryRun && !handler.supportsDryRun()) {
            return fail(err, ExitCodes.USAGE, name + " (" + handler.moduleName() + ") has no dry run; nothing was done");
        }
        CommandResult result;
        long start = System.nanoTime();
        try (XenStoreClient client = XenStoreFactory.forHost(agent.hostFacts(), cfg.xenstorePath().map(Path::of)).open()) {
            LOG.info("request {}: {}{} on target root {}", request.id(), name, dryRun ? " (dry run)" : "", agent.root());
            result = (dryRun ? agent.dryRunRouter() : agent.router()).route(request, XenStoreViews.of(client));
        } catch (XenStoreException e) {
            return fail(err, ExitCodes.FAILURE, "cannot reach XenStore: " + e.getMessage()
                    + " (use --xenstore PATH or xenstore.path in the configuration)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(err, ExitCodes.FAILURE, name + " interrupted");
        }
        if (!dryRun) {
            RequestHistory.forHost(agent.root(), agent.hostFacts()).record(new HistoryEntry(Instant.now(), request.id(), name, result.returnCode(),
                    (System.nanoTime() - start) / 1_000_000, result.message()));
        }
        if (!"0".equals(result.returnCode())) {
            return fail(err, ExitCodes.FAILURE, name + " failed (returncode " + result.returnCode() + "): " + result.message());
        }
        String message = result.message();
        out.print(message.isEmpty() ? name + ": done\n" : message.endsWith("\n") ? message : message + "\n");
        out.flush();
        return ExitCodes.OK;
    }

    /** @return the request as the host would have sent it, parsed by the loop's codec */
    private CommandRequest request(String name) throws BadRequestException, IOException {
        String id = "cli-" + UUID.randomUUID();
        RequestCodec codec = new RequestCodec();
        if (value == null) {
            return codec.localRequest(id, name, "", false);
        }
        if (value.json != null) {
            return codec.localRequest(id, name, value.json, true);
        }
        if (value.file != null) {
            byte[] bytes = value.file.toString().equals("-") ? System.in.readAllBytes() : Files.readAllBytes(value.file);
            return codec.localRequest(id, name, new String(bytes, StandardCharsets.UTF_8).strip(), false);
        }
        return codec.localRequest(id, name, value.text, false);
    }

    private static int fail(PrintWriter err, int code, String message) {
        err.println(message);
        err.flush();
        return code;
    }

    /**
     * @param agent the assembled agent, with no handler selected for {@code command}
     * @param command the command asked for
     * @return why: one line per handler of that command with its selection verdict
     */
    static String noHandlerMessage(AgentAssembly agent, String command) {
        List<SelectionRow> rows = agent.rows().stream().filter(r -> r.command().equals(command)).toList();
        StringBuilder sb = new StringBuilder("no " + command + " handler applies to target root " + agent.root());
        if (rows.isEmpty()) {
            sb.append(": no handler provides it (install a plugin on the module path or in ")
                    .append(agent.pluginsDir()).append(')');
        }
        for (SelectionRow r : rows) {
            sb.append(System.lineSeparator()).append("  ").append(r.module()).append(' ').append(r.version())
                    .append(" [").append(r.origin()).append("]: ").append(r.detail());
        }
        return sb.toString();
    }
}
