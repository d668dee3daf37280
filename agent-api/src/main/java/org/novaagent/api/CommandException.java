/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api;

import java.util.Objects;

/**
 * Thrown by a {@link CommandHandler} to fail a request with a specific return code and a
 * message that is safe to send to the host and to log (never a secret).
 */
public class CommandException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String returnCode;

    /**
     * @param returnCode the return code to answer with, for example {@code "500"}
     * @param message    a host-safe message
     */
    public CommandException(String returnCode, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.returnCode = Objects.requireNonNull(returnCode, "returnCode");
    }

    /**
     * @param returnCode the return code to answer with
     * @param message    a host-safe message
     * @param cause      the underlying failure (logged by the runtime, not sent to the host)
     */
    public CommandException(String returnCode, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.returnCode = Objects.requireNonNull(returnCode, "returnCode");
    }

    /** @return the return code to answer with */
    public String returnCode() {
        return returnCode;
    }

    /** @return the result this exception stands for */
    public CommandResult toResult() {
        return CommandResult.of(returnCode, getMessage());
    }
}
