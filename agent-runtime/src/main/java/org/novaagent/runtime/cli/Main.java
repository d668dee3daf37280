/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point of the {@code agent} command. Sets up logging before anything creates a logger,
 * wires the subcommands programmatically and maps every outcome to an {@link ExitCodes} value.
 */
public final class Main {

    /**
     * The system property naming the command in usage text: the packaged launcher sets it to
     * {@code nova-agent}; {@code ./agent} in the source tree leaves the default {@code agent}.
     */
    public static final String COMMAND_NAME_PROPERTY = "novaagent.command";

    private Main() {
    }

    /**
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        LogSetup.configure(args, System.getenv());
        int code = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        System.exit(code);
    }

    /**
     * Runs one command without exiting the JVM (for tests and embedding).
     *
     * @param out  standard output
     * @param err  standard error (usage messages)
     * @param args the arguments
     * @return the exit code
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine plugins = new CommandLine(new PluginsCommand()).addSubcommand("list", new PluginsListCommand());
        CommandLine cli = new CommandLine(new MainCommand())
                .addSubcommand("run", new RunCommand())
                .addSubcommand("plugins", plugins)
                .addSubcommand("resetnetwork", new ResetNetworkCommand())
                .addSubcommand("version", new VersionCommand());
        if (demoAvailable()) { // DemoCommand may only be loaded when its modules are present
            cli.addSubcommand("demo", new DemoCommand());
        }
        String name = System.getProperty(COMMAND_NAME_PROPERTY, "");
        if (!name.isBlank()) {
            cli.setCommandName(name.strip());
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.FAILURE);
        return cli.execute(args);
    }

    /**
     * The demo's modules (host simulator, embedded XenStore) are not shipped in distro packages.
     * This check must not touch {@link DemoCommand}: loading it needs their classes.
     *
     * @return true when {@code agent demo} can run
     */
    static boolean demoAvailable() {
        ModuleLayer layer = Main.class.getModule().getLayer();
        if (layer != null) {
            return layer.findModule("org.novaagent.host").isPresent() && layer.findModule("org.novaagent.xenstore.sim").isPresent();
        }
        try {
            Class.forName("org.novaagent.host.demo.DemoScenario", false, Main.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
