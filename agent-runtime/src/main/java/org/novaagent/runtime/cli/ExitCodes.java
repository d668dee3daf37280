/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

/**
 * The exit codes of the {@code agent} command, in one place (also printed in the help footer).
 */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** A runtime failure (XenStore unreachable, unexpected error). */
    public static final int FAILURE = 1;
    /** A usage or configuration error (bad option, malformed config file, loop not available). */
    public static final int USAGE = 2;

    /** The help footer text describing the codes. */
    static final String FOOTER = "%nExit codes:%n  0  success%n  1  runtime failure%n"
            + "  2  usage or configuration error (bad option, malformed config file)%n";

    private ExitCodes() {
    }
}
