/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.netplan.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.novaagent.network.SafeText;

/**
 * A tiny block-style YAML emitter for the netplan file: we write YAML by hand (no YAML library
 * in the agent) and quote every scalar that YAML could read as anything but a plain string.
 */
final class YamlWriter {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_./-]*|[0-9][0-9.]*\\.[0-9.]*/?[0-9]*");
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "null", "y", "n", "~");

    private final StringBuilder out = new StringBuilder();

    /** Appends raw text (the header). */
    YamlWriter raw(String text) {
        out.append(text);
        return this;
    }

    /** {@code key:} opening a nested mapping or list. */
    YamlWriter open(int depth, String key) {
        indent(depth).append(key).append(":\n");
        return this;
    }

    /** {@code key: value} with a quoted-as-needed string. */
    YamlWriter entry(int depth, String key, String value) {
        indent(depth).append(key).append(": ").append(scalar(value)).append('\n');
        return this;
    }

    /** {@code key: literal} for numbers and booleans we produce ourselves. */
    YamlWriter literal(int depth, String key, Object value) {
        indent(depth).append(key).append(": ").append(value).append('\n');
        return this;
    }

    /** {@code - value} list item. */
    YamlWriter item(int depth, String value) {
        indent(depth).append("- ").append(scalar(value)).append('\n');
        return this;
    }

    /** {@code - key: value} starting a mapping inside a list. */
    YamlWriter itemEntry(int depth, String key, String value) {
        indent(depth).append("- ").append(key).append(": ").append(scalar(value)).append('\n');
        return this;
    }

    /**
     * {@code # comment} through {@link SafeText#comment}: libyaml ends a comment at U+0085, U+2028
     * and U+2029 too, so stripping ASCII controls was not enough (issue #19, finding 3).
     */
    YamlWriter comment(int depth, String text) {
        indent(depth).append("# ").append(SafeText.comment(text)).append('\n');
        return this;
    }

    private StringBuilder indent(int depth) {
        return out.append("  ".repeat(depth));
    }

    /**
     * @param s any string
     * @return the string plain when safe, otherwise double-quoted; only printable ASCII appears
     *         between the quotes, everything else is a YAML backslash escape (x for ASCII controls, u above),
     *         so no Unicode line break or BOM can end the scalar
     */
    static String scalar(String s) {
        if (PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
            return s;
        }
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        q.append(String.format("\\x%02x", (int) c));
                    } else if (c > 0x7e) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
