/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.util.regex.Pattern;

/**
 * The one rule for free text that reaches an emitted file, a log line or a reply (issue #19,
 * finding 3). Network labels are chosen by tenants; netplan's YAML reader (libyaml) treats
 * U+0085, U+2028 and U+2029 as line breaks, so a label written into a comment could add a whole
 * interface. Rather than trust each format's escaping, free text is reduced to a small printable
 * ASCII set before it enters the model ({@link NetInterface} does this for its label) and again
 * when a renderer writes a comment, and structured values (interface names) are checked against a
 * character set no file format treats specially.
 *
 * <p>Label characters kept: ASCII letters and digits, space and {@code . _ : @ + , = / ( ) -}.
 * Any Unicode whitespace, line or paragraph separator or control character becomes a space (runs
 * collapse, ends are trimmed); every other character (quotes, backslash, {@code # ; $ `}, NUL,
 * bidi controls, non-ASCII letters) becomes {@code _}. Labels are cut to {@value #MAX_LABEL}
 * characters.
 */
public final class SafeText {

    /** Longest label kept in the model (labels are only ever written as comments). */
    public static final int MAX_LABEL = 64;
    /** Longest free text quoted in a log line or a reply by {@link #quote}. */
    public static final int MAX_QUOTED = 200;

    private static final Pattern INTERFACE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}");

    private SafeText() {
    }

    /**
     * @param raw any text, e.g. a network label from XenStore; null is treated as empty
     * @return the label reduced to the safe set (see the class comment); possibly empty
     */
    public static String label(String raw) {
        String s = map(raw == null ? "" : raw).replaceAll(" {2,}", " ").strip();
        return s.length() <= MAX_LABEL ? s : s.substring(0, MAX_LABEL).strip();
    }

    /**
     * @param text a comment a renderer is about to write (without the comment marker)
     * @return the text with the label character rule applied, never containing a line break
     */
    public static String comment(String text) {
        return map(text);
    }

    /**
     * @param text candidate
     * @return true when {@link #comment} would leave it unchanged: only printable ASCII from the safe set
     */
    public static boolean isSafe(String text) {
        return map(text).equals(text);
    }

    /**
     * Kernel interface names as the renderers may write them unquoted: 1-15 characters from
     * {@code A-Z a-z 0-9 _ . -}, not starting with {@code .} or {@code -}. The kernel allows more
     * (anything but {@code /}, {@code :} and whitespace); such a NIC is skipped by {@link NicDiscovery}.
     *
     * @param name candidate
     * @return true when safe to write into every format
     */
    public static boolean isInterfaceName(String name) {
        return name != null && INTERFACE_NAME.matcher(name).matches();
    }

    /**
     * Quotes untrusted text for a log line or a reply message: printable ASCII stays (a backslash
     * doubles), everything else becomes a backslash-u escape, and the result is cut to
     * {@value #MAX_QUOTED} characters with {@code ...}, so a value can neither forge a log line nor
     * hide behind bidi controls.
     *
     * @param raw any text; null gives {@code null}
     * @return the text in single quotes
     */
    public static String quote(String raw) {
        if (raw == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < raw.length() && out.length() <= MAX_QUOTED; i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        if (out.length() > MAX_QUOTED) {
            out.setLength(MAX_QUOTED);
            out.append("...");
        }
        return out.append('\'').toString();
    }

    private static String map(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (isKept(cp)) {
                out.append((char) cp);
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) {
                out.append(' ');
            } else {
                out.append('_');
            }
        });
        return out.toString();
    }

    private static boolean isKept(int cp) {
        return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9'
                || " ._:@+,=/()-".indexOf(cp) >= 0;
    }
}
