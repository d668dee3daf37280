/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.route;

/**
 * The return codes the runtime itself answers with (the routing contract, in one place).
 * Handlers return their own domain codes; these are reserved for the runtime's verdicts.
 */
public final class ReturnCodes {
    /** Success. */
    public static final String OK = "0";
    /** No handler serves the command on this host (as the 1.x agent answers). */
    public static final String UNKNOWN_COMMAND = "404";
    /** The request could not be parsed (bad JSON, no name, too large, not UTF-8). */
    public static final String BAD_REQUEST = "500";
    /** The handler threw an unexpected exception. */
    public static final String HANDLER_FAILED = "500";
    /** The handler did not finish within its timeout. */
    public static final String TIMEOUT = "500";

    private ReturnCodes() {
    }

    /** @return the 404 message for an unknown command */
    public static String unknownCommandMessage(String name) {
        return "No such agent command '" + name + "'";
    }
}
