/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api;

import java.util.Objects;

/**
 * The outcome of a {@link ProcessRunner} call.
 *
 * @param exitCode the exit status (0 for a command that was not executed)
 * @param stdout   standard output decoded as UTF-8; never {@code null}
 * @param stderr   standard error decoded as UTF-8; never {@code null}
 * @param executed false when the runner only logged the command (target root is not {@code /})
 */
public record ProcessResult(int exitCode, String stdout, String stderr, boolean executed) {

    /** Validates the components. */
    public ProcessResult {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    /** @return a successful result for a command that was logged but not run */
    public static ProcessResult notExecuted() {
        return new ProcessResult(0, "", "", false);
    }

    /** @return true when the exit code is 0 */
    public boolean succeeded() {
        return exitCode == 0;
    }
}
