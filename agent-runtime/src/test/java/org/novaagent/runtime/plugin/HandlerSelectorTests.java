/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.Applicability;
import org.novaagent.api.HostFacts;
import org.novaagent.runtime.facts.HostFactsProbe;
import org.novaagent.runtime.plugin.SelectionRow.Status;

/** Selection rules: priority wins, ties and "nothing applicable" are reported, blank names rejected. */
class HandlerSelectorTests {

    @TempDir
    Path root;

    private HostFacts facts() {
        return new HostFactsProbe("Linux", "amd64", "6").probe(root);
    }

    private static DiscoveredHandler h(String name, int prio, Applicability a, String module) {
        return new DiscoveredHandler(new TestHandler(name, prio, a, module), "/plugins/" + module + ".jar");
    }

    private static SelectionRow row(Selection s, String module) {
        return s.rows().stream().filter(r -> r.module().equals(module)).findFirst().orElseThrow();
    }

    @Test
    void highestApplicablePriorityWinsAndOthersAreShadowed() {
        DiscoveredHandler low = h("resetnetwork", 0, Applicability.yes(), "low");
        DiscoveredHandler high = h("resetnetwork", 100, Applicability.yes(), "high");
        DiscoveredHandler higherButNot = h("resetnetwork", 200, Applicability.no("no etc/netplan"), "netplan");
        Selection s = new HandlerSelector().select(List.of(low, high, higherButNot), facts());
        assertSame(high.handler(), s.selected().get("resetnetwork"));
        assertEquals(Status.SELECTED, row(s, "high").status());
        assertEquals("shadowed by high", row(s, "low").detail());
        assertEquals("not applicable: no etc/netplan", row(s, "netplan").detail());
        assertTrue(s.problems().isEmpty(), s.problems().toString());
        assertEquals(List.of("netplan", "high", "low"), s.rows().stream().map(SelectionRow::module).toList());
    }

    @Test
    void tieAtTheTopRoutesNothingAndSaysSo() {
        Selection s = new HandlerSelector().select(List.of(h("password", 10, Applicability.yes(), "a"),
                h("password", 10, Applicability.yes(), "b"), h("password", 1, Applicability.yes(), "c")), facts());
        assertFalse(s.selected().containsKey("password"));
        assertEquals(Status.TIE, row(s, "a").status());
        assertEquals("tie with a (not routed)", row(s, "b").detail());
        assertEquals(Status.SHADOWED, row(s, "c").status());
        assertTrue(s.problems().get(0).contains("'password' is not routed") && s.problems().get(0).contains("priority 10"),
                s.problems().toString());
    }

    @Test
    void nothingApplicableIsReportedWithReasons() {
        Selection s = new HandlerSelector().select(List.of(h("kmsactivate", 0, Applicability.no("not RHEL"), "rhel"),
                h("kmsactivate", 0, Applicability.no("not Windows"), "win")), facts());
        assertTrue(s.selected().isEmpty());
        assertEquals(1, s.problems().size());
        assertTrue(s.problems().get(0).contains("no applicable handler for command 'kmsactivate'")
                && s.problems().get(0).contains("not Windows"), s.problems().toString());
    }

    @Test
    void blankNameIsAnErrorAndOthersStillSelected() {
        Selection s = new HandlerSelector().select(List.of(h(" ", 0, Applicability.yes(), "blank"),
                h("version", 0, Applicability.yes(), "ok")), facts());
        assertEquals(Status.INVALID, row(s, "blank").status());
        assertTrue(s.problems().get(0).contains("blank command name"), s.problems().toString());
        assertTrue(s.selected().containsKey("version"));
    }

    @Test
    void throwingOrNullApplicabilityCountsAsNotApplicable() {
        DiscoveredHandler nullVerdict = new DiscoveredHandler(new TestHandler("x", 0, null, "nullverdict"), "built-in");
        DiscoveredHandler thrower = new DiscoveredHandler(new org.novaagent.api.CommandHandler() {
            @Override
            public String name() {
                return "x";
            }

            @Override
            public org.novaagent.api.CommandResult handle(org.novaagent.api.CommandRequest r,
                                                          org.novaagent.api.CommandContext c) {
                return org.novaagent.api.CommandResult.ok();
            }

            @Override
            public Applicability applicability(HostFacts f) {
                throw new IllegalStateException("probe failed");
            }
        }, "built-in");
        Selection s = new HandlerSelector().select(List.of(nullVerdict, thrower), facts());
        assertTrue(s.selected().isEmpty());
        assertEquals(Status.NOT_APPLICABLE, row(s, "nullverdict").status());
        assertTrue(s.rows().stream().anyMatch(r -> r.detail().contains("probe failed")), s.rows().toString());
    }
}
