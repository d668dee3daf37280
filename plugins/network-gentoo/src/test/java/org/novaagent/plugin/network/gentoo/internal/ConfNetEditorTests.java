/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.gentoo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.novaagent.network.NetInterface;
import org.novaagent.network.testkit.TestNetworks;

class ConfNetEditorTests {

    private static final List<NetInterface> ETH0 = List.of(TestNetworks.publicEth0());

    @Test
    void multiLineValuesAndBashArraysOfOurNicAreDisabledWholeAndEverythingElseIsKept() {
        String image = "modules=\"iproute2\"\nconfig_eth0=( \"192.0.2.9/24\"\n  \"192.0.2.10/24\" )\n"
                + "routes_eth0='default via 192.0.2.1\n10.0.0.0/8 via 192.0.2.1' # old gateway\n"
                + "config_eth1=\"dhcp\"\npostup() {\n\tip link set \"${IFACE}\" mtu 9000\n}\n";
        String out = ConfNetEditor.edit("etc/conf.d/net", image, ETH0);
        assertTrue(out.startsWith("modules=\"iproute2\"\n# disabled by nova-agent: config_eth0=( \"192.0.2.9/24\"\n"
                + "# disabled by nova-agent:   \"192.0.2.10/24\" )\n# disabled by nova-agent: routes_eth0='default via 192.0.2.1\n"
                + "# disabled by nova-agent: 10.0.0.0/8 via 192.0.2.1' # old gateway\nconfig_eth1=\"dhcp\"\npostup() {\n"
                + "\tip link set \"${IFACE}\" mtu 9000\n}\n\n# BEGIN nova-agent\n"), out);
        assertEquals(out, ConfNetEditor.edit("etc/conf.d/net", out, ETH0), "a second edit is a fixed point");
    }

    @Test
    void theBlockIsReplacedInPlaceAndADetachedNicLeavesWithIt() {
        List<NetInterface> two = List.of(TestNetworks.publicEth0(), TestNetworks.privateEth1());
        String first = ConfNetEditor.edit("etc/conf.d/net", "", two) + "mtu_eth0=\"9000\"\n";
        String second = ConfNetEditor.edit("etc/conf.d/net", first, ETH0);
        assertEquals(ConfNetEditor.block(ETH0) + "mtu_eth0=\"9000\"\n", second);
        assertTrue(first.contains("config_eth1=") && !second.contains("eth1"), second);
    }

    @Test
    void brokenFilesAreRefusedNotGuessed() {
        assertThrows(IllegalArgumentException.class, () -> ConfNetEditor.edit("f", "# BEGIN nova-agent\nconfig_eth0=\"x\"\n", ETH0));
        String block = ConfNetEditor.block(ETH0);
        assertThrows(IllegalArgumentException.class, () -> ConfNetEditor.edit("f", block + block, ETH0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfNetEditor.edit("f", "a=1\nroutes_eth0=( \"default via 10.0.0.1\"\n", ETH0));
        assertEquals("f line 2: the value of routes_eth0 opens a quote or array that is never closed", e.getMessage());
    }

    @Test
    void quotesEscapesAndCommentsDoNotEndOrExtendAValue() {
        List<ConfNetStatements.Statement> s = ConfNetStatements.parse("f",
                "a=\"x \\\" # not a comment\ny\"\nb='it''s' # \"\nc=plain # (\nd=$(echo \")\")\n");
        assertEquals(List.of(Optional.of("a"), Optional.of("b"), Optional.of("c"), Optional.of("d")),
                s.stream().map(ConfNetStatements.Statement::variable).toList());
        assertEquals(2, s.get(0).lines().size());
    }
}
