/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.route;

import org.novaagent.api.CommandResult;

/**
 * The replies the runtime itself answers with (the routing contract, in one place). Handlers
 * return their own domain codes; these are the runtime's verdicts. Every failure code comes from
 * {@link NovaAcceptance#failureCode}, so it is one nova counts as failure for that command
 * ({@code "1"} for resetnetwork, {@code "500"} elsewhere). Messages are for nova: they name the
 * command, never an exception class or a file-system path (those go to the log).
 */
public final class ReturnCodes {
    /** Success. */
    public static final String OK = "0";
    /**
     * No handler serves the command on this host (as the 1.x agent answers; nova rejects it
     * everywhere). Also the answer when handlers for the command are installed but none applies
     * here: nova treats every failure code alike, so a code of its own would change nothing for
     * nova; the message names each handler's reason instead.
     */
    public static final String UNKNOWN_COMMAND = "404";
    /**
     * The request could not be parsed (bad JSON, no name, too large, not UTF-8). Such a request has
     * no readable command name, so the default rule applies; nova itself always writes
     * {@code {"name": ..., "value": ...}}, so none of its requests ends here.
     */
    public static final String BAD_REQUEST = "500";

    private ReturnCodes() {
    }

    /** @return the 404 message for an unknown command */
    public static String unknownCommandMessage(String name) {
        return "No such agent command '" + name + "'";
    }

    /**
     * @param name    the command that has handlers, none of them routed on this host
     * @param reasons each handler and why, e.g. {@code debian (ifup not found), netplan (no etc/netplan)}
     * @return the 404 message, e.g. {@code resetnetwork: no applicable handler: debian (ifup not found)}
     */
    public static String noApplicableHandlerMessage(String name, String reasons) {
        return name + ": no applicable handler: " + reasons;
    }

    /**
     * @param command the command whose handler threw, returned null or failed unexpectedly
     * @return the reply: the command's failure code and a message without internals
     */
    public static CommandResult handlerFailed(String command) {
        return CommandResult.of(NovaAcceptance.failureCode(command), "Internal error in command '" + command + "'");
    }

    /**
     * @param command the command interrupted because the agent is stopping (SIGTERM and the
     *                stop grace period over)
     * @return the reply: the command's failure code and a message saying so
     */
    public static CommandResult stopping(String command) {
        return CommandResult.of(NovaAcceptance.failureCode(command), "Command '" + command
                + "' was interrupted: the agent is stopping. Its changes were undone where the handler can; send it again");
    }

    /**
     * @param command the command that did not finish in time
     * @param timeout the timeout as text, e.g. {@code 30s}
     * @return the reply: the command's failure code and a message naming the timeout
     */
    public static CommandResult timedOut(String command, String timeout) {
        return CommandResult.of(NovaAcceptance.failureCode(command),
                "Command '" + command + "' timed out after " + timeout);
    }
}
