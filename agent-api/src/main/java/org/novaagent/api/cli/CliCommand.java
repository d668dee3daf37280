/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api.cli;

import java.util.List;
import java.util.Optional;

/**
 * One extra {@code agent} subcommand, found with {@link java.util.ServiceLoader}: a module declares
 * {@code provides org.novaagent.api.cli.CliCommand with ...}. The runtime lists it in
 * {@code agent --help} and hands it every argument after its name, unparsed (including
 * {@code --help}, which the command answers itself).
 *
 * <p><b>Life cycle.</b> The runtime instantiates every provider once per process, before logging
 * is configured, to read {@link #name()}, {@link #description()} and {@link #defaultLogLevel()}:
 * constructors must be cheap and must neither log nor touch the system. {@link #run} is called at
 * most once, on the main thread.
 *
 * <p><b>Exit codes.</b> {@code 0} success, {@code 1} the command failed, {@code 2} bad usage (the
 * same codes as the built-in subcommands).
 */
public interface CliCommand {

    /** Exit code: the command succeeded. */
    int OK = 0;
    /** Exit code: the command ran and failed. */
    int FAILURE = 1;
    /** Exit code: the arguments were not acceptable. */
    int USAGE = 2;

    /**
     * The subcommand name, for example {@code demo}. Must be non-blank, constant, and must not
     * clash with a built-in subcommand ({@code run}, {@code plugins}, {@code call},
     * {@code version}, ...) or another provider; a clash is reported and the provider skipped.
     *
     * @return the name, never {@code null}
     */
    String name();

    /**
     * One line for {@code agent --help}.
     *
     * @return the description, never {@code null}
     */
    String description();

    /**
     * The log level when the user gave no {@code --log-level}, instead of the configuration
     * file's; for example {@code warn} for a command that prints its own progress and would be
     * drowned by the agent's info lines. The default is empty (use the configuration's).
     *
     * @return a level ({@code trace} ... {@code off}) or empty
     */
    default Optional<String> defaultLogLevel() {
        return Optional.empty();
    }

    /**
     * Runs the command.
     *
     * @param args the arguments after the subcommand name, never {@code null}
     * @param env  output streams and what the runtime offers to commands, never {@code null}
     * @return the exit code ({@link #OK}, {@link #FAILURE} or {@link #USAGE})
     * @throws InterruptedException when the main thread is interrupted (the runtime exits with
     *                              {@link #FAILURE})
     */
    int run(List<String> args, CliEnvironment env) throws InterruptedException;
}
