/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The adapter names of protocol §4.7 and the computer name with the NetBIOS limit. */
class NamingRulesTests {

    @Test
    void labelZeroThenTheNextFreeSuffixCaseInsensitively() {
        assertEquals(new AdapterNames.Choice("public0", true, Optional.empty()),
                AdapterNames.choose("public", "Ethernet", Set.of("ethernet 2")));
        assertEquals("public2", AdapterNames.choose("public", "Ethernet", Set.of("public0", "public1")).name());
        assertEquals(new AdapterNames.Choice("PUBLIC1", false, Optional.empty()),
                AdapterNames.choose("public", "PUBLIC1", Set.of("public0")), "a name of its label is kept");
        AdapterNames.Choice full = AdapterNames.choose("public", "Ethernet", Set.of("public0", "public1", "public2",
                "public3", "public4", "public5", "public6", "public7", "public8", "public9"));
        assertEquals("Ethernet", full.name());
        assertTrue(full.problem().orElseThrow().startsWith("names public0 to public9 are all taken"));
    }

    @Test
    void labelsLoseWhatWindowsRefusesInAConnectionName() {
        assertEquals(Optional.of("rc_net_a_b"), AdapterNames.base("rc:net/a:b"));
        assertEquals(Optional.empty(), AdapterNames.base(""));
        assertEquals(Optional.of("x".repeat(60)), AdapterNames.base("x".repeat(64)));
    }

    @Test
    void computerNamesFollowTheHostnameRulesWithNetbiosLimits() {
        assertEquals(Optional.of("web01"), ComputerName.decide(Optional.of("web01"), "WIN-7QJ2K1L0ABC").newName());
        assertEquals(Optional.empty(), ComputerName.decide(Optional.of("web01"), "WEB01").newName(), "case-insensitive");
        assertEquals(Optional.empty(), ComputerName.decide(Optional.empty(), "WEB01").newName());
        ComputerName.Decision d = ComputerName.decide(Optional.of("payments-api-production-7"), "WEB01");
        assertEquals(Optional.of("payments-api-pr"), d.newName());
        assertEquals(List.of("vm-data/hostname 'payments-api-production-7' adjusted: computer name 'payments-api-pr'"
                + " (longer than 15 characters, shortened)"), d.notes());
        ComputerName.Decision digits = ComputerName.decide(Optional.of("12345"), "WEB01");
        assertEquals(Optional.empty(), digits.newName());
        assertTrue(digits.notes().get(0).endsWith("computer name left unchanged (digits only, which Windows refuses)"));
        assertEquals(Optional.of("db01"), ComputerName.decide(Optional.of("db01.example.com"), "X").newName());
    }
}
