/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code java.base} shape of a parsed JSON value, as {@link CommandRequest#json()} carries it,
 * and the small typed look-ups plugins need. Parsing itself is the runtime's (Jackson); this class
 * only checks and reads the result. Messages name members, never values (values may be secrets).
 */
public final class JsonValue {

    private JsonValue() {
    }

    /** A member of the wrong type; the message names the member only and is safe for the host. */
    public static final class TypeException extends Exception {
        private static final long serialVersionUID = 1L;

        /** @param message which member has which problem (never its value) */
        public TypeException(String message) {
            super(message);
        }
    }

    /**
     * Checks that {@code value} is a JSON value in {@code java.base} types and returns an
     * unmodifiable deep copy (maps keep their order). Called by {@link CommandRequest}'s constructor.
     *
     * @param value a {@code String}, {@code Number}, {@code Boolean}, {@code null}, or a
     *              {@code Map<String, ?>} / {@code List<?>} of such values
     * @return the same value, with maps and lists unmodifiable
     * @throws IllegalArgumentException for any other type or a non-string key
     */
    public static Object freeze(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("a JSON object key must be a string");
                }
                copy.put(key, freeze(e.getValue()));
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object o : list) {
                copy.add(freeze(o));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException("not a JSON value type: " + value.getClass().getName());
    }

    /**
     * @param object a JSON object
     * @param member the member name
     * @return the member when it is a string; empty when it is absent or {@code null}
     * @throws TypeException when it is present with another type
     */
    public static Optional<String> string(Map<String, ?> object, String member) throws TypeException {
        Object v = object.get(member);
        if (v == null || v instanceof String) {
            return Optional.ofNullable((String) v);
        }
        throw new TypeException("member '" + member + "' must be a string");
    }

    /**
     * @param object a JSON object
     * @param member the member name
     * @return the member as a list of strings (a single string is a one-element list); empty when
     *         it is absent or {@code null}
     * @throws TypeException when it is present with another type or holds a non-string
     */
    public static List<String> strings(Map<String, ?> object, String member) throws TypeException {
        Object v = object.get(member);
        if (v == null) {
            return List.of();
        }
        if (v instanceof String s) {
            return List.of(s);
        }
        if (v instanceof List<?> list) {
            List<String> out = new ArrayList<>(list.size());
            for (Object o : list) {
                if (!(o instanceof String s)) {
                    throw new TypeException("member '" + member + "' must be a string or an array of strings");
                }
                out.add(s);
            }
            return List.copyOf(out);
        }
        throw new TypeException("member '" + member + "' must be a string or an array of strings");
    }
}
