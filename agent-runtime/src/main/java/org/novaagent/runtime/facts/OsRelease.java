/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.facts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the os-release format (shell-like {@code KEY=value} lines with optional quotes), kept
 * apart from {@link HostFactsProbe} so the parsing rules are tested on their own.
 */
final class OsRelease {

    private OsRelease() {
    }

    /**
     * @param lines the file's lines
     * @return the variables; malformed lines are ignored, as systemd does
     */
    static Map<String, String> parse(List<String> lines) {
        Map<String, String> vars = new HashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            vars.put(key, unquote(line.substring(eq + 1).strip()));
        }
        return vars;
    }

    private static String unquote(String value) {
        if (value.length() >= 2) {
            char q = value.charAt(0);
            if ((q == '"' || q == '\'') && value.charAt(value.length() - 1) == q) {
                String inner = value.substring(1, value.length() - 1);
                if (q == '\'') {
                    return inner;
                }
                StringBuilder out = new StringBuilder(inner.length());
                for (int i = 0; i < inner.length(); i++) {
                    char c = inner.charAt(i);
                    if (c == '\\' && i + 1 < inner.length()) {
                        c = inner.charAt(++i);
                    }
                    out.append(c);
                }
                return out.toString();
            }
        }
        return value;
    }
}
