/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request from the host, as read from {@code data/host/<id>}. The runtime parses the request
 * once (with Jackson, strictly: duplicate members and trailing text are rejected) and hands the
 * value over both as text and already parsed, in {@code java.base} types, so no plugin parses JSON.
 *
 * @param id          the request id (the XenStore key name, usually a UUID); never {@code null}
 * @param name        the command name; never {@code null}
 * @param value       the request value: the string itself when the JSON value was a string, the
 *                    compact JSON text when it was an object, array, number or boolean, and the
 *                    empty string when it was absent or {@code null}; never {@code null}
 * @param valueIsJson true when {@link #value} holds JSON text rather than a plain string
 * @param json        the parsed value: a {@code String}, a {@code Map<String, Object>} (members in
 *                    their order), a {@code List<Object>}, a {@code Number}, a {@code Boolean}, or
 *                    {@code null} when the value was absent or JSON {@code null}; maps and lists are
 *                    unmodifiable and hold only these types (see {@link JsonValue#freeze})
 */
public record CommandRequest(String id, String name, String value, boolean valueIsJson, Object json) {

    /**
     * Validates the components and makes {@code json} deeply unmodifiable.
     *
     * @throws IllegalArgumentException when {@code json} holds another type, or a string value
     *                                  disagrees with {@code value}
     */
    public CommandRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        json = JsonValue.freeze(json);
        if (!valueIsJson && json != null && !value.equals(json)) {
            throw new IllegalArgumentException("a plain string request must carry the same string as its json");
        }
    }

    /**
     * A request with a plain string value (the common case): {@link #json()} is the same string.
     *
     * @param id    the request id
     * @param name  the command name
     * @param value the string value
     * @return the request
     */
    public static CommandRequest of(String id, String name, String value) {
        return new CommandRequest(id, name, value, false, value);
    }

    /**
     * The value when it is a JSON object (for example {@code kmsactivate} on RHEL, {@code file_inject}).
     *
     * @return the members in their order, unmodifiable; empty when the value is not an object
     */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> jsonObject() {
        return json instanceof Map<?, ?> m ? Optional.of((Map<String, Object>) m) : Optional.empty();
    }

    /** Never prints the value: it may hold a secret (password ciphertext, activation key). */
    @Override
    public String toString() {
        return "CommandRequest[id=" + id + ", name=" + name + ", value=<" + value.length() + " chars>]";
    }
}
