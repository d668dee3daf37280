/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api;

import java.util.Objects;

/**
 * The answer written to {@code data/guest/<id>} as {@code {"returncode": ..., "message": ...}}.
 * The return code is always a string on the wire: {@code "0"} is success for every command
 * except {@code keyinit}, whose success code is {@code "D0"}.
 *
 * @param returnCode the return code, never {@code null} or blank
 * @param message    the message, never {@code null}; must not contain secrets
 */
public record CommandResult(String returnCode, String message) {

    /** Validates the components. */
    public CommandResult {
        Objects.requireNonNull(returnCode, "returnCode");
        Objects.requireNonNull(message, "message");
        if (returnCode.isBlank()) {
            throw new IllegalArgumentException("returnCode must not be blank");
        }
    }

    /** @return {@code "0"} with an empty message */
    public static CommandResult ok() {
        return new CommandResult("0", "");
    }

    /**
     * @param message the success message (for example a version string)
     * @return {@code "0"} with the message
     */
    public static CommandResult ok(String message) {
        return new CommandResult("0", message);
    }

    /**
     * @param returnCode the code
     * @param message    the message
     * @return a result with the given code and message
     */
    public static CommandResult of(String returnCode, String message) {
        return new CommandResult(returnCode, message);
    }

    /** @return true when the code is {@code "0"} or {@code "D0"} */
    public boolean isSuccess() {
        return "0".equals(returnCode) || "D0".equals(returnCode);
    }
}
