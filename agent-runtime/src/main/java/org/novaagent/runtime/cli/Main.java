/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.novaagent.runtime.builtin.AgentVersion;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Entry point of the {@code agent} command. A plain {@code agent run} goes straight to the daemon
 * ({@link RunFastPath}); everything else sets up logging before anything creates a logger,
 * wires the built-in subcommands and the {@link CliExtensions} programmatically and maps every
 * outcome to an {@link ExitCodes} value.
 */
public final class Main {

    /**
     * The system property naming the command in usage text: the packaged launcher sets it to
     * {@code nova-agent}; {@code ./agent} in the source tree leaves the default {@code agent}.
     */
    public static final String COMMAND_NAME_PROPERTY = "novaagent.command";

    private Main() {
    }

    /** The built-in subcommands; a {@link org.novaagent.api.cli.CliCommand} may not take these names. */
    static final List<String> BUILT_INS = List.of("run", "plugins", "call", "resetnetwork", "status", "doctor", "service",
            "version", "help");

    /**
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("run")) {
            // before RunFastPath.parse: RunCommand's logger would otherwise set slf4j-simple up with
            // its defaults, and --log-level, log.level and the timestamps would be ignored
            LogSetup.configure(args, System.getenv(), null);
        }
        Optional<RunCommand> run = RunFastPath.parse(args); // the service's start: no picocli, no extensions
        if (run.isPresent()) {
            System.exit(RunFastPath.execute(run.get(), System.err));
        }
        if (args.length == 1 && args[0].equals("version")) { // what scripts and image checks ask most: no picocli either
            System.out.println(AgentVersion.get());
            System.exit(ExitCodes.OK);
        }
        if (args.length >= 2 && args[0].equals("service") && args[1].equals("run")) {
            ServiceLog.redirectStderr(); // the service has no console: logs go to a rotating file
        }
        CliExtensions extensions = CliExtensions.discover(BUILT_INS);
        LogSetup.configure(args, System.getenv(), extensions.defaultLogLevel(args).orElse(null));
        int code = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), extensions, args);
        System.exit(code);
    }

    /**
     * Runs one command without exiting the JVM (for tests and embedding), with the CLI extensions
     * of the boot layer.
     *
     * @param out  standard output
     * @param err  standard error (usage messages)
     * @param args the arguments
     * @return the exit code
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(out, err, CliExtensions.discover(BUILT_INS), args);
    }

    static int execute(PrintWriter out, PrintWriter err, CliExtensions extensions, String... args) {
        CommandLine cli = commandLine(extensions, err);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.FAILURE);
        return cli.execute(args);
    }

    /**
     * @param extensions the CLI extensions to add
     * @param err        where skipped extensions are reported
     * @return the whole command line model (also the source of the generated completion script)
     */
    static CommandLine commandLine(CliExtensions extensions, PrintWriter err) {
        CommandLine plugins = new CommandLine(new PluginsCommand()).addSubcommand("list", new PluginsListCommand());
        CommandLine cli = new CommandLine(new MainCommand())
                .addSubcommand("run", new RunCommand())
                .addSubcommand("plugins", plugins)
                .addSubcommand("call", new CallCommand())
                .addSubcommand("resetnetwork", CallCommand.alias("resetnetwork")) // kept for existing scripts
                .addSubcommand("status", new StatusCommand())
                .addSubcommand("doctor", new DoctorCommand())
                .addSubcommand("service", new CommandLine(new ServiceCommand()).addSubcommand("run", new ServiceRunCommand()))
                .addSubcommand("version", new VersionCommand());
        // its own name, so usage text and the generated man page say "resetnetwork", not "call"
        CommandSpec alias = cli.getSubcommands().get("resetnetwork").getCommandSpec();
        alias.name("resetnetwork").usageMessage().description("The same as agent call resetnetwork (kept for existing scripts).");
        // and no COMMAND parameter: the alias's command is fixed, so its synopsis must not offer one
        List.copyOf(alias.positionalParameters()).forEach(alias::remove);
        extensions.commands().forEach((name, extension) -> cli.addSubcommand(name, ExtensionCommand.of(extension)));
        extensions.problems().forEach(p -> err.println("agent: " + p));
        String name = System.getProperty(COMMAND_NAME_PROPERTY, "");
        if (!name.isBlank()) {
            cli.setCommandName(name.strip());
        }
        return cli;
    }
}
