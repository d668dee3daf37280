/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Runs external commands for handlers. The runtime's implementation refuses to touch the live
 * system when the target root is not {@code /}: it logs the command it would have run and
 * returns {@link ProcessResult#notExecuted}. Tests substitute their own runner.
 *
 * <p>Secrets go through {@code stdin}, never through {@code command}: the runtime logs
 * commands but never stdin.
 */
public interface ProcessRunner {

    /**
     * Runs a command to completion.
     *
     * @param command the program and its arguments; never {@code null} or empty
     * @param stdin   bytes written to the process's standard input (then closed); may be empty,
     *                never {@code null}. The caller may wipe the array afterwards.
     * @param timeout how long to wait before the process is killed
     * @return the outcome
     * @throws IOException          when the program cannot be started
     * @throws InterruptedException when the calling thread is interrupted (the process is killed)
     */
    ProcessResult run(List<String> command, byte[] stdin, Duration timeout)
            throws IOException, InterruptedException;

    /**
     * Runs a command that only reads the system's state and changes nothing (for example a query
     * listing the network adapters), so that a dry run on the live system can report what it would
     * do. The runtime's runner for a dry run on the live system executes these and nothing else: every
     * {@link #run(List, byte[], Duration)} of a dry run is only logged. On a target root that is not the
     * live system nothing is executed, read-only or not (the command would read this machine, not the
     * root), and the result is {@link ProcessResult#notExecuted}. Calling this with a command that
     * changes anything is a defect of the caller; agent-tests' ArchUnit rules restrict the callers to
     * classes named {@code *Query}. The default runs the command with {@link #run(List, byte[], Duration)}.
     *
     * @param command the program and its arguments; never {@code null} or empty
     * @param stdin   bytes written to the process's standard input; may be empty, never {@code null}
     * @param timeout how long to wait before the process is killed
     * @return the outcome
     * @throws IOException          when the program cannot be started
     * @throws InterruptedException when the calling thread is interrupted (the process is killed)
     */
    default ProcessResult runReadOnly(List<String> command, byte[] stdin, Duration timeout)
            throws IOException, InterruptedException {
        return run(command, stdin, timeout);
    }

    /**
     * Runs a command with no input and a 60 s timeout.
     *
     * @param command the program and its arguments
     * @return the outcome
     * @throws IOException          when the program cannot be started
     * @throws InterruptedException when the calling thread is interrupted
     */
    default ProcessResult run(String... command) throws IOException, InterruptedException {
        return run(List.of(command), new byte[0], Duration.ofSeconds(60));
    }
}
