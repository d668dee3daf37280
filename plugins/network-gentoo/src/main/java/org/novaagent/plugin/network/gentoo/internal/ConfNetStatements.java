/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.gentoo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits {@code /etc/conf.d/net} (a shell fragment that OpenRC sources with {@code /bin/sh}, bash on
 * Gentoo) into statements, so that an assignment whose quoted value spans several lines — netifrc's
 * documented form, {@code config_eth0="192.0.2.2/24<newline>2001:db8::2/64"} — or a bash array
 * {@code routes_eth0=( ... )} is always handled as a whole. Everything that is not a top-level
 * assignment (comments, blank lines, {@code postup()} functions) is a one-line statement and kept
 * byte for byte. Pure.
 */
final class ConfNetStatements {

    private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)=");

    /**
     * One statement.
     *
     * @param variable the assigned variable, empty for any other line
     * @param lines    the statement's lines, without their newlines
     */
    record Statement(Optional<String> variable, List<String> lines) {
        Statement {
            lines = List.copyOf(lines);
        }

        /** @return the lines, each followed by a newline */
        String text() {
            StringBuilder out = new StringBuilder();
            lines.forEach(l -> out.append(l).append('\n'));
            return out.toString();
        }
    }

    private ConfNetStatements() {
    }

    /**
     * @param file    the file's name for error messages, e.g. {@code etc/conf.d/net}
     * @param content the file
     * @return its statements in order; their lines joined give the content back (plus a final newline)
     * @throws IllegalArgumentException when a quote or array opened in an assignment is never closed
     */
    static List<Statement> parse(String file, String content) {
        List<String> lines = content.lines().toList();
        List<Statement> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            Matcher m = ASSIGNMENT.matcher(lines.get(i));
            if (!m.find()) {
                out.add(new Statement(Optional.empty(), List.of(lines.get(i))));
                i++;
                continue;
            }
            int end = valueEnd(lines, i, m.end());
            if (end < 0) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": the value of " + m.group(1)
                        + " opens a quote or array that is never closed");
            }
            out.add(new Statement(Optional.of(m.group(1)), lines.subList(i, end + 1)));
            i = end + 1;
        }
        return out;
    }

    /** @return the index of the line where the value starting at {@code (line, col)} ends, or -1 */
    private static int valueEnd(List<String> lines, int line, int col) {
        char quote = 0;
        int depth = 0;
        for (int l = line; l < lines.size(); l++) {
            String s = lines.get(l);
            for (int c = l == line ? col : 0; c < s.length(); c++) {
                char ch = s.charAt(c);
                if (quote == '\'') {
                    quote = ch == '\'' ? 0 : quote;
                } else if (quote == '"') {
                    if (ch == '\\') {
                        c++;
                    } else if (ch == '"') {
                        quote = 0;
                    }
                } else if (ch == '\\') {
                    c++;
                } else if (ch == '"' || ch == '\'') {
                    quote = ch;
                } else if (ch == '(') {
                    depth++;
                } else if (ch == ')') {
                    depth = Math.max(0, depth - 1);
                } else if (ch == '#' && (c == 0 || Character.isWhitespace(s.charAt(c - 1)))) {
                    break;
                }
            }
            if (quote == 0 && depth == 0) {
                return l;
            }
        }
        return -1;
    }
}
