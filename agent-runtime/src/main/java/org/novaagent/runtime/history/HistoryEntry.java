/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.history;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One answered request as {@code agent status} shows it: when, which command, the return code,
 * how long it took and the first line of the reply's message. Never the request's value; for the
 * commands that carry key material ({@code keyinit}, {@code password}) not even the message.
 *
 * @param time       when the reply was ready
 * @param id         the request id ({@code cli-...} for {@code agent call})
 * @param command    the command name, {@code -} when the request had no readable name
 * @param returnCode the reply's return code
 * @param millis     how long the request took, in milliseconds
 * @param message    the first line of the reply's message (at most {@value #MAX_MESSAGE} characters), or empty
 */
public record HistoryEntry(Instant time, String id, String command, String returnCode, long millis, String message) {

    /** The longest message kept. */
    public static final int MAX_MESSAGE = 160;
    /** Commands whose reply message is never kept: keyinit's is the DH public key, password's may name the data. */
    static final Set<String> MESSAGE_NOT_KEPT = Set.of("keyinit", "password");

    /** Validates; reduces the message to what may be kept. */
    public HistoryEntry {
        Objects.requireNonNull(time, "time");
        id = clip(Objects.requireNonNullElse(id, "-"), 80);
        command = clip(Objects.requireNonNullElse(command, "-"), 80);
        returnCode = clip(Objects.requireNonNullElse(returnCode, "-"), 16);
        message = MESSAGE_NOT_KEPT.contains(command.toLowerCase(Locale.ROOT)) ? "" : firstLine(message);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String s = message.strip();
        int end = 0;
        while (end < s.length() && s.charAt(end) != '\n' && s.charAt(end) != '\r') {
            end++;
        }
        return clip(s.substring(0, end), MAX_MESSAGE);
    }

    /** At most {@code max} code points, control characters as {@code ?} (a plain loop: no stream at start). */
    private static String clip(String s, int max) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max));
        int kept = 0;
        for (int i = 0; i < s.length() && kept < max; kept++) {
            int c = s.codePointAt(i);
            sb.appendCodePoint(Character.isISOControl(c) ? '?' : c);
            i += Character.charCount(c);
        }
        return sb.toString();
    }
}
