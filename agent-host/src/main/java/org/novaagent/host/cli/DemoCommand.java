/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.novaagent.api.cli.CliCommand;
import org.novaagent.api.cli.CliEnvironment;
import org.novaagent.host.demo.DemoOptions;
import org.novaagent.host.demo.DemoScenario;
import org.novaagent.host.demo.Distro;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code agent demo}, contributed to the agent's CLI through {@link CliCommand}: nova's whole
 * conversation on this machine. An embedded XenStore, the real agent started in-process by the
 * runtime ({@link CliEnvironment#startAgent}) against a scratch root laid out like a distro, and
 * the host simulator playing first boot, a Cloud Network attach and a detach. Needs no root and
 * no Xen. This module is on the development module path ({@code ./agent}, {@code dist/target/lib})
 * and never in a distro package, so the shipped agent has no {@code demo}.
 */
public final class DemoCommand implements CliCommand {

    /** ServiceLoader constructor; cheap and silent, as {@link CliCommand} requires. */
    public DemoCommand() {
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String description() {
        return "Play nova's conversation with the real agent here (no root, no Xen needed).";
    }

    /** The demo prints the host's steps; the agent's info lines would drown them. */
    @Override
    public Optional<String> defaultLogLevel() {
        return Optional.of("warn");
    }

    @Override
    public int run(List<String> args, CliEnvironment env) {
        CommandLine cl = new CommandLine(new Options(env));
        cl.setOut(env.out());
        cl.setErr(env.err());
        cl.setExitCodeExceptionMapper(e -> CliCommand.FAILURE);
        return cl.execute(args.toArray(String[]::new));
    }

    /** The demo's options, parsed by picocli inside this module (the SPI passes raw arguments). */
    @Command(name = "agent demo",
            description = {"Play nova's conversation with the real agent here (no root, no Xen needed).",
                "An embedded XenStore, a scratch target root laid out like the distro, and a simulated host "
                    + "sending version, features, keyinit, password, resetnetwork, then a Cloud Network attach and "
                    + "detach. Prints each step, its reply and latency, and the files the agent wrote."},
            footer = {"", "Exit codes: 0 every step succeeded, 1 a step failed, 2 the demo could not run."})
    static final class Options implements Callable<Integer> {

        private final CliEnvironment env;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        @Option(names = "--distro", paramLabel = "NAME", defaultValue = "debian",
                description = "Layout of the scratch root: debian, ubuntu (netplan), rhel, alpine or arch (default: ${DEFAULT-VALUE}).")
        String distro;

        @Option(names = "--cleanup", description = "Delete the scratch directory at the end (default: keep it and print where).")
        boolean cleanup;

        @Option(names = "--work-dir", paramLabel = "DIR", description = "Create the scratch directory under DIR (default: the system temp dir).")
        Path workDir;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
                description = "Timeout of each host call in seconds (default: ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        @Option(names = "--log-level", paramLabel = "LEVEL",
                description = "Log level of the in-process agent (default: warn, so the host's steps stay readable).")
        String logLevel;

        Options(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            PrintWriter err = env.err();
            Distro d;
            try {
                d = Distro.parse(distro);
            } catch (IllegalArgumentException e) {
                err.println("agent demo: " + e.getMessage());
                return CliCommand.USAGE;
            }
            DemoOptions opts = DemoOptions.defaults().withDistro(d).withCleanup(cleanup)
                    .withTimeouts(Duration.ofSeconds(timeoutSeconds), Duration.ofSeconds(Math.max(60, timeoutSeconds)));
            if (workDir != null) {
                opts = opts.withWorkDir(workDir);
            }
            return new DemoScenario().run(opts, env::startAgent, env.out());
        }
    }
}
