/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tiny strict RFC 8259 reader for one flat JSON object whose members are strings, arrays of
 * strings or {@code null}, for plugins whose command value is such an object ({@code kmsactivate},
 * {@code file_inject}) so they need nothing but {@code org.novaagent.api} (no Jackson). Immutable
 * and thread-safe.
 * Error messages name positions and member names only, never values: values may be secrets.
 */
public final class FlatJsonObject {

    /** Thrown for text that is not such an object; the message is safe to send to the host. */
    public static final class MalformedJsonException extends Exception {
        private static final long serialVersionUID = 1L;

        /** @param message where the text is wrong (positions and member names, never values) */
        public MalformedJsonException(String message) {
            super(message);
        }
    }

    private final Map<String, Object> members;

    private FlatJsonObject(Map<String, Object> members) {
        this.members = Collections.unmodifiableMap(members);
    }

    /**
     * @param text the JSON text
     * @return the parsed object
     * @throws MalformedJsonException when the text is not a flat object of strings / string arrays
     */
    public static FlatJsonObject parse(String text) throws MalformedJsonException {
        Reader r = new Reader(text);
        Map<String, Object> members = new LinkedHashMap<>();
        r.skipWs();
        r.expect('{');
        r.skipWs();
        if (!r.consume('}')) {
            do {
                r.skipWs();
                String key = r.string();
                r.skipWs();
                r.expect(':');
                r.skipWs();
                Object value = r.value(key);
                if (members.containsKey(key)) {
                    throw new MalformedJsonException("duplicate member '" + key + "'");
                }
                members.put(key, value);
                r.skipWs();
            } while (r.consume(','));
            r.expect('}');
        }
        r.skipWs();
        if (!r.atEnd()) {
            throw new MalformedJsonException("unexpected text after the object at offset " + r.pos);
        }
        return new FlatJsonObject(members);
    }

    /**
     * @param key a member name
     * @return the string value; empty when absent or {@code null}
     * @throws MalformedJsonException when the member is not a string
     */
    public Optional<String> string(String key) throws MalformedJsonException {
        Object v = members.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String s) {
            return Optional.of(s);
        }
        throw new MalformedJsonException("member '" + key + "' must be a string");
    }

    /**
     * @param key a member name
     * @return a string value as a one-element list, an array's elements, or an empty list
     */
    @SuppressWarnings("unchecked")
    public List<String> strings(String key) {
        Object v = members.get(key);
        if (v == null) {
            return List.of();
        }
        return v instanceof String s ? List.of(s) : (List<String>) v;
    }

    /** A cursor over the text. */
    private static final class Reader {
        private final String text;
        private int pos;

        Reader(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        void skipWs() {
            while (!atEnd() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        boolean consume(char c) {
            if (!atEnd() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        void expect(char c) throws MalformedJsonException {
            if (!consume(c)) {
                throw new MalformedJsonException("expected '" + c + "' at offset " + pos);
            }
        }

        Object value(String key) throws MalformedJsonException {
            if (text.startsWith("null", pos)) {
                pos += 4;
                return null;
            }
            if (!consume('[')) {
                if (atEnd() || text.charAt(pos) != '"') {
                    throw new MalformedJsonException("member '" + key + "' must be a string or an array of strings");
                }
                return string();
            }
            List<String> list = new ArrayList<>();
            skipWs();
            if (consume(']')) {
                return List.copyOf(list);
            }
            do {
                skipWs();
                if (atEnd() || text.charAt(pos) != '"') {
                    throw new MalformedJsonException("array '" + key + "' may only hold strings");
                }
                list.add(string());
                skipWs();
            } while (consume(','));
            expect(']');
            return List.copyOf(list);
        }

        String string() throws MalformedJsonException {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw new MalformedJsonException("unterminated string");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c < 0x20) {
                    throw new MalformedJsonException("control character in string at offset " + (pos - 1));
                }
                sb.append(c == '\\' ? escape() : c);
            }
        }

        private char escape() throws MalformedJsonException {
            if (atEnd()) {
                throw new MalformedJsonException("unterminated escape");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"': return '"';
                case '\\': return '\\';
                case '/': return '/';
                case 'b': return '\b';
                case 'f': return '\f';
                case 'n': return '\n';
                case 'r': return '\r';
                case 't': return '\t';
                case 'u':
                    if (pos + 4 > text.length()) {
                        throw new MalformedJsonException("short \\u escape at offset " + pos);
                    }
                    int cp = 0;
                    for (int i = 0; i < 4; i++) {
                        int d = Character.isLetterOrDigit(text.charAt(pos)) && text.charAt(pos) < 0x80
                                ? Character.digit(text.charAt(pos), 16) : -1;
                        pos++;
                        if (d < 0) {
                            throw new MalformedJsonException("bad \\u escape at offset " + (pos - 1));
                        }
                        cp = cp * 16 + d;
                    }
                    return (char) cp;
                default:
                    throw new MalformedJsonException("bad escape '\\" + e + "' at offset " + (pos - 1));
            }
        }
    }
}
