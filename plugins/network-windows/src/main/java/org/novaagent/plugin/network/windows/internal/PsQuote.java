/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import java.util.List;
import java.util.stream.Collectors;
import org.novaagent.network.SafeText;

/**
 * The one way a value reaches a generated PowerShell script: a single-quoted literal, in which
 * PowerShell expands nothing ({@code $}, backtick and {@code $(...)} are plain characters) and the
 * only special character is the quote itself, written twice. PowerShell also takes the typographic
 * quotes U+2018-U+201B as single quotes and ends a statement at a line break, so every character
 * outside printable ASCII is refused rather than escaped: the model already holds ASCII only
 * (network-common's {@code SafeText}), and a refusal here means a bug, never a silent change.
 */
final class PsQuote {

    private PsQuote() {
    }

    /**
     * @param value any text
     * @return {@code 'value'} with each {@code '} doubled
     * @throws IllegalArgumentException when the value holds a character outside printable ASCII
     */
    static String literal(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("refused in a PowerShell literal (not printable ASCII): "
                        + SafeText.quote(value));
            }
        }
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * @param values texts
     * @return a PowerShell array of literals, {@code @('a','b')}
     */
    static String array(List<String> values) {
        return values.stream().map(PsQuote::literal).collect(Collectors.joining(",", "@(", ")"));
    }
}
