/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The service's path to its first reply without picocli (issue #14): {@code agent run} with only
 * the options of {@link RunCommand} and {@link AgentOptions}, each given at most once, is parsed
 * here by hand and handed straight to {@link RunCommand#call()}; no CLI extension is discovered.
 * Building picocli's model of the whole command line took about a third of the time to the
 * first reply (bench/README.md). Anything this parser is not sure about ({@code --help},
 * {@code --version}, an unknown or repeated option, a missing or empty value, an argument) returns
 * empty and goes the usual way through picocli, so help and error messages stay picocli's.
 * {@code RunFastPathTests} keeps what is accepted equal to what picocli would have set.
 */
final class RunFastPath {

    /** The options that take a value; {@code --name VALUE} or {@code --name=VALUE}. */
    private static final Set<String> VALUED = Set.of("--root", "--plugins-dir", "--config", "--log-level", "--xenstore");
    /** The flags. */
    private static final Set<String> FLAGS = Set.of("--once", "--allow-insecure-plugins-dir");

    private RunFastPath() {
    }

    /**
     * @param args the whole command line
     * @return the {@code run} command with its fields set as picocli would set them, or empty
     *         when the arguments are not a plain {@code run} (picocli then handles them)
     */
    static Optional<RunCommand> parse(String[] args) {
        if (args.length == 0 || !args[0].equals("run")) {
            return Optional.empty();
        }
        RunCommand run = new RunCommand();
        run.options = new AgentOptions();
        run.options.root = Path.of("/");
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (!seen.add(name)) {
                return Optional.empty(); // picocli says it may be given once
            }
            if (FLAGS.contains(name) && eq < 0) {
                run.once |= name.equals("--once");
                run.options.allowInsecurePluginsDir |= name.equals("--allow-insecure-plugins-dir");
                continue;
            }
            if (!VALUED.contains(name)) {
                return Optional.empty(); // --help, --version, a typo, an argument: picocli's message
            }
            String value;
            if (eq >= 0) {
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return Optional.empty();
            }
            if (value.isEmpty() || value.startsWith("-") || !set(run, name, value)) {
                return Optional.empty();
            }
        }
        return Optional.of(run);
    }

    private static boolean set(RunCommand run, String name, String value) {
        try {
            switch (name) {
                case "--root" -> run.options.root = Path.of(value);
                case "--plugins-dir" -> run.options.pluginsDir = Path.of(value);
                case "--config" -> run.options.config = Path.of(value);
                case "--log-level" -> run.options.logLevel = value;
                default -> run.xenstore = value;
            }
            return true;
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * Runs the command, mapping an unexpected exception to {@link ExitCodes#FAILURE} with its stack
     * trace on {@code err}, as picocli does. Logging is configured before {@link #parse} (by
     * {@link Main}): {@link RunCommand} has a logger, and the first logger sets slf4j-simple up.
     *
     * @param run the parsed command
     * @param err standard error
     * @return the exit code
     */
    static int execute(RunCommand run, PrintStream err) {
        try {
            return run.call();
        } catch (RuntimeException e) {
            e.printStackTrace(err);
            return ExitCodes.FAILURE;
        }
    }
}
