/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.network.testkit.HostileText;

/**
 * Host input never escapes its PowerShell literal: every hostile value (line breaks, quotes, {@code $},
 * backticks, {@code $(...)}, NUL, bidi controls, typographic quotes PowerShell treats as {@code '}) is
 * either refused or read back unchanged by PowerShell's single-quote rule; and each one as a Cloud
 * Network label goes through the whole pipeline (model, planner, script) into one quoted rename whose
 * script passes check-ps1.
 */
class PsQuoteTests {

    @TempDir
    Path dir;

    /** PowerShell's rule for a verbatim string: inside the outer quotes, {@code ''} is one quote; a lone quote ends it. */
    static String readBack(String literal) {
        assertTrue(literal.length() >= 2 && literal.startsWith("'") && literal.endsWith("'"), literal);
        String inner = literal.substring(1, literal.length() - 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\'') {
                assertTrue(i + 1 < inner.length() && inner.charAt(i + 1) == '\'', "the literal ends early: " + literal);
                i++;
            }
            out.append(c);
        }
        return out.toString();
    }

    @Test
    void printableAsciiRoundTripsAndEverythingElseIsRefused() {
        for (String v : List.of("public", "it's", "''", "$(Remove-Item C:\\ -Recurse)", "`$env:X", "a;b|c&d", "#x")) {
            assertEquals(v, readBack(PsQuote.literal(v)));
        }
        for (String v : List.of("a\nb", "a\rb", "\u2018x\u2019", "\u201ax\u201b", "a\u0000b", "\u202e", "caf\u00e9", "\u0085")) {
            assertThrows(IllegalArgumentException.class, () -> PsQuote.literal(v), v);
        }
        assertEquals("@('1.1.1.1','2001:db8::1')", PsQuote.array(List.of("1.1.1.1", "2001:db8::1")));
    }

    @Test
    void everyHostileValueIsRefusedOrReadBackUnchanged() {
        HostileText.values().forEach((name, v) -> {
            try {
                String literal = PsQuote.literal(v);
                assertEquals(v, readBack(literal), name);
                assertTrue(literal.chars().allMatch(c -> c >= 0x20 && c <= 0x7e), name);
            } catch (IllegalArgumentException refused) {
                assertTrue(refused.getMessage().startsWith("refused in a PowerShell literal"), name);
            }
        });
    }

    @Test
    void aHostileLabelBecomesOneQuotedRename() throws Exception {
        WindowsScenarios.WindowsScenario sc = WindowsScenarios.windows("adapter-without-mac");
        for (Map.Entry<String, String> e : HostileText.values().entrySet()) {
            Map<String, String> xs = new HashMap<>(sc.xenstore());
            String label = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().writeValueAsString("pub" + e.getValue());
            xs.put("vm-data/networking/BC764E207572", "{\"label\": " + label + ", \"mac\": \"BC:76:4E:20:75:72\","
                    + " \"ips\": [{\"ip\": \"104.130.4.72\", \"netmask\": \"255.255.255.0\"}]}");
            NetworkPlan plan = ResetNetworkCommandHandler.plan(new org.novaagent.testkit.MapXenStoreView(xs), sc.state());
            Change.Rename rename = plan.changes().stream().filter(Change.Rename.class::isInstance)
                    .map(Change.Rename.class::cast).findFirst().orElseThrow(() -> new AssertionError(e.getKey()));
            String script = PowerShellScript.of(plan.changes());
            String line = script.lines().filter(l -> l.contains("Rename-NetAdapter")).findFirst().orElseThrow();
            assertEquals("Invoke-NovaStep 3 { Get-NetAdapter -InterfaceIndex 12 | Rename-NetAdapter -NewName "
                    + PsQuote.literal(rename.name()) + " }", line, e.getKey());
            assertTrue(rename.name().startsWith("pub"), e.getKey());
            if (e.getKey().startsWith("payload")) {
                ScriptCheck.assertWellFormed(script, dir.resolve(e.getKey()));
            }
        }
    }
}
