/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.network.NetworkConfigException;
import org.novaagent.network.XenStoreNetworkParser;
import org.novaagent.network.testkit.HostileNetworks;
import org.novaagent.testkit.MapXenStoreView;

/**
 * The property test of the whole Windows pipeline over network-common's hostile inputs (every
 * {@code HostileText} value in every field of an entry and in its key): what the shared parser
 * refuses is refused here too, and everything it accepts is planned into a script whose every step
 * line has the exact grammar the generator means (a cmdlet, parameters, and values that are numbers,
 * bare words or complete single-quoted literals), so no value can open a second statement, and the
 * scripts together pass {@code check-ps1.py}.
 */
class HostileNetworkPlansTests {

    private static final String LITERAL = "'(?:[^'\\r\\n]|'')*'";
    private static final String VALUE = "(?:" + LITERAL + "|@\\(" + LITERAL + "(?:," + LITERAL + ")*\\)|\\d+|[A-Za-z][A-Za-z0-9]*)";
    private static final String CMDLET = "[A-Z][A-Za-z]+-[A-Z][A-Za-z]+(?: -[A-Za-z]+(?::\\$false)?(?: " + VALUE + ")?)*";
    private static final Pattern STEP = Pattern.compile("Invoke-NovaStep \\d+ \\{ " + CMDLET + "(?: \\| " + CMDLET + ")? \\}");

    @TempDir
    Path dir;

    @Test
    void everyHostileCaseIsRefusedOrPlannedIntoWellFormedSteps() throws Exception {
        HostState state = new HostState("WIN-7QJ2K1L0ABC", List.of(new Adapter(10, "Ethernet",
                Optional.of("BC-76-4E-00-00-00"), AdapterKind.ETHERNET, true, true, true, true, List.of(), List.of(), List.of(),
                List.of())));
        StringBuilder all = new StringBuilder(PowerShell.PROLOGUE);
        int accepted = 0;
        int refused = 0;
        for (HostileNetworks.Case c : HostileNetworks.cases()) {
            Map<String, String> xs = new HashMap<>();
            c.entries().forEach((k, v) -> xs.put(XenStoreNetworkParser.NETWORKING + "/" + k, v));
            String what = c.field() + " / " + c.valueName();
            NetworkPlan plan;
            try {
                plan = ResetNetworkCommandHandler.plan(new MapXenStoreView(xs), state);
            } catch (NetworkConfigException | IllegalArgumentException e) {
                assertTrue(c.rejected().isPresent() || c.field().equals("key"), what + " refused here only: " + e.getMessage());
                refused++;
                continue;
            }
            assertTrue(c.config().isPresent(), what + " accepted here but refused by the parser");
            accepted++;
            String script = PowerShellScript.of(plan.changes());
            List<String> steps = script.lines().filter(l -> l.startsWith("Invoke-NovaStep")).toList();
            assertFalse(steps.isEmpty(), what);
            for (String step : steps) {
                assertTrue(STEP.matcher(step).matches(), what + ": a step outside the grammar: " + step);
                all.append(step).append("\r\n");
            }
        }
        assertTrue(accepted > 50 && refused > 50, "accepted " + accepted + ", refused " + refused);
        ScriptCheck.assertWellFormed(all.toString(), dir);
    }

    @Test
    void theGrammarRejectsWhatAnInjectionWouldLookLike() {
        assertTrue(STEP.matcher("Invoke-NovaStep 1 { Set-DnsClientServerAddress -InterfaceIndex 10 -ServerAddresses"
                + " @('1.1.1.1','2001:db8::1') }").matches());
        assertTrue(STEP.matcher("Invoke-NovaStep 2 { Get-NetAdapter -InterfaceIndex 10 | Rename-NetAdapter -NewName"
                + " 'it''s; $(x)' }").matches());
        for (String bad : List.of("Invoke-NovaStep 1 { New-NetIPAddress -IPAddress '1.1.1.1'; Remove-Item x }",
                "Invoke-NovaStep 1 { Rename-NetAdapter -NewName 'a' }; calc",
                "Invoke-NovaStep 1 { Rename-NetAdapter -NewName 'a'' }",
                "Invoke-NovaStep 1 { Rename-NetAdapter -NewName $(calc) }")) {
            assertEquals(false, STEP.matcher(bad).matches(), bad);
        }
    }
}
