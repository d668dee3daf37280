/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.runtime.AgentAssembly;
import org.novaagent.runtime.config.AgentConfig;
import org.novaagent.runtime.plugin.SelectionRow;
import org.novaagent.runtime.xenstore.XenStoreViews;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreConnector;
import org.novaagent.xenstore.XenStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code agent resetnetwork}: lets an operator inside the guest run the host's
 * {@code resetnetwork} through the same selection, router and handler as the XenStore command,
 * reading the network data the host left in {@code vm-data}, optionally as a dry run.
 */
@Command(name = "resetnetwork", mixinStandardHelpOptions = true, versionProvider = AgentVersionProvider.class,
        description = {"Reconfigure the network from XenStore vm-data/networking, as the host's resetnetwork does.",
            "The same handler selection, router and handler as the XenStore command. With --root other than /, "
                + "files are written under that root and commands are only logged."},
        footer = ExitCodes.FOOTER)
public final class ResetNetworkCommand implements Callable<Integer> {

    /** The command routed, as the host names it. */
    static final String COMMAND = "resetnetwork";
    /** The network plugins' dry-run setting ({@code ResetNetworkFlow.DRY_RUN_SETTING} in network-common). */
    static final String DRY_RUN_SETTING = "network.dry-run";

    private static final Logger LOG = LoggerFactory.getLogger(ResetNetworkCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    AgentOptions options;

    @Option(names = "--xenstore", paramLabel = "PATH",
            description = "XenStore device or socket (default: xenstore.path of the config, else detected).")
    String xenstore;

    @Option(names = "--dry-run",
            description = "Print the unified diff of every file that would change and the commands that would run; change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        Optional<AgentConfig> config = options.configOrReport("xenstore.path", xenstore);
        if (config.isEmpty()) {
            return ExitCodes.USAGE;
        }
        AgentConfig cfg = config.get();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AgentAssembly agent = options.assemble(cfg);
        if (!agent.selected().containsKey(COMMAND)) {
            err.println(noHandlerMessage(agent));
            err.flush();
            return ExitCodes.FAILURE;
        }
        CommandResult result;
        try (XenStoreClient client = XenStoreConnector.open(cfg.xenstorePath().map(Path::of))) {
            CommandRequest request = CommandRequest.of("cli-" + UUID.randomUUID(), COMMAND, "");
            Map<String, String> extra = dryRun ? Map.of(DRY_RUN_SETTING, "true") : Map.of();
            LOG.info("request {}: {}{} on target root {}", request.id(), COMMAND, dryRun ? " (dry run)" : "",
                    agent.root());
            result = agent.router(extra).route(request, XenStoreViews.of(client));
        } catch (XenStoreException e) {
            err.println("cannot reach XenStore: " + e.getMessage()
                    + " (use --xenstore PATH or xenstore.path in the configuration)");
            err.flush();
            return ExitCodes.FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(COMMAND + " interrupted");
            err.flush();
            return ExitCodes.FAILURE;
        }
        if (!"0".equals(result.returnCode())) {
            err.println(COMMAND + " failed (returncode " + result.returnCode() + "): " + result.message());
            err.flush();
            return ExitCodes.FAILURE;
        }
        String message = result.message();
        out.print(message.isEmpty() ? COMMAND + ": done\n" : message.endsWith("\n") ? message : message + "\n");
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * @param agent the assembled agent, with no handler selected for {@link #COMMAND}
     * @return why: one line per {@code resetnetwork} handler with its selection verdict
     */
    static String noHandlerMessage(AgentAssembly agent) {
        List<SelectionRow> rows = agent.rows().stream().filter(r -> r.command().equals(COMMAND)).toList();
        StringBuilder sb = new StringBuilder("no " + COMMAND + " handler applies to target root " + agent.root());
        if (rows.isEmpty()) {
            sb.append(": no handler provides it (install a network plugin on the module path or in ")
                    .append(agent.pluginsDir()).append(')');
        }
        for (SelectionRow r : rows) {
            sb.append(System.lineSeparator()).append("  ").append(r.module()).append(' ').append(r.version())
                    .append(" [").append(r.origin()).append("]: ").append(r.detail());
        }
        return sb.toString();
    }
}
