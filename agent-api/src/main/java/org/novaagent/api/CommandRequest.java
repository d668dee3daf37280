/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api;

import java.util.Objects;

/**
 * One request from the host, as read from {@code data/host/<id>}.
 *
 * @param id        the request id (the XenStore key name, usually a UUID); never {@code null}
 * @param name      the command name; never {@code null}
 * @param value     the request value: the string itself when the JSON value was a string, the
 *                  compact JSON text when it was an object, array, number or boolean, and the
 *                  empty string when it was absent or {@code null}; never {@code null}
 * @param valueIsJson true when {@link #value} holds JSON text rather than a plain string
 */
public record CommandRequest(String id, String name, String value, boolean valueIsJson) {

    /** Validates the components. */
    public CommandRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /**
     * A request with a plain string value (the common case).
     *
     * @param id    the request id
     * @param name  the command name
     * @param value the string value
     * @return the request
     */
    public static CommandRequest of(String id, String name, String value) {
        return new CommandRequest(id, name, value, false);
    }

    /** Never prints the value: it may hold a secret (password ciphertext, activation key). */
    @Override
    public String toString() {
        return "CommandRequest[id=" + id + ", name=" + name + ", value=<" + value.length() + " chars>]";
    }
}
