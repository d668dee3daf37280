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
