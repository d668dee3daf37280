/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.freebsd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.testkit.TestNetworks;

class RcConfEditorTests {

    static final String IMAGE = "hostname=\"freebsd\"\n# network\nifconfig_xn0=\"DHCP\"\nifconfig_xn0_ipv6=\"inet6 accept_rtadv\"\n"
            + "sshd_enable=\"YES\"\nstatic_routes=\"lan\"\nroute_lan=\"-net 192.168.0.0/16 10.0.0.1\"\nifconfig_xn0=\"SYNCDHCP\"\n";

    @Test
    void replacesInPlaceKeepsOperatorLinesAndDropsDuplicates() {
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("hostname", "web1");
        wanted.put("ifconfig_xn0", "inet 10.0.0.5/24");
        wanted.put("route_nova0", "-net 10.208.0.0/12 10.0.0.1");
        wanted.put("static_routes", "nova0");
        String out = RcConfEditor.edit(IMAGE, wanted, Set.of("xn0"));
        assertEquals("hostname=\"web1\" # nova-agent\n# network\nifconfig_xn0=\"inet 10.0.0.5/24\" # nova-agent\n"
                + "sshd_enable=\"YES\"\nstatic_routes=\"lan nova0\" # nova-agent\nroute_lan=\"-net 192.168.0.0/16 10.0.0.1\"\n"
                + "route_nova0=\"-net 10.208.0.0/12 10.0.0.1\" # nova-agent\n", out);
        assertEquals(out, RcConfEditor.edit(out, wanted, Set.of("xn0")), "a second run changes nothing");
    }

    @Test
    void linesNoLongerRenderedAreRemovedOnlyWhenOurs() {
        Map<String, String> first = new LinkedHashMap<>();
        first.put("ifconfig_xn0", "inet 10.0.0.5/24");
        first.put("ifconfig_xn0_alias0", "inet 10.0.0.6/32");
        first.put("ifconfig_xn1", "inet 10.1.0.5/24");
        String before = RcConfEditor.edit("ifconfig_xn9=\"DHCP\"\n", first, Set.of("xn0", "xn1"));
        String after = RcConfEditor.edit(before, Map.of("ifconfig_xn0", "inet 10.0.0.5/24"), Set.of("xn0"));
        assertEquals("ifconfig_xn9=\"DHCP\"\nifconfig_xn0=\"inet 10.0.0.5/24\" # nova-agent\n", after);
    }

    @Test
    void noHostnameLeavesTheHostnameAsItWas() {
        String first = RcConfEditor.edit("hostname=\"freebsd\"\n", Map.of("hostname", "web1"), Set.of());
        assertEquals("hostname=\"web1\" # nova-agent\n", first);
        assertEquals(first, RcConfEditor.edit(first, Map.of(), Set.of()));
    }

    @Test
    void valuesAreQuotedForSh() {
        assertEquals("x=\"a\\\"b\\$c\\`d\\\\e\" # nova-agent", RcConfEditor.assignment("x", "a\"b$c`d\\e"));
    }

    @Test
    void variablesFollowNetworkSubr() {
        NetworkConfig config = new NetworkConfig(List.of(TestNetworks.publicEth0(), TestNetworks.privateEth1()),
                Optional.of("web1"));
        Map<String, String> vars = RcConfVariables.of(config);
        assertEquals("inet 104.130.4.72/24", vars.get("ifconfig_eth0"));
        assertEquals("inet 104.130.4.73/32", vars.get("ifconfig_eth0_alias0"), "same subnet: /32 as FreeBSD requires");
        assertTrue(vars.get("ifconfig_eth0_ipv6").startsWith("inet6 2001:4802:7802:104:be76:4eff:fe20:7572/64"));
        assertTrue(vars.get("ifconfig_eth0_alias1").startsWith("inet6 "), vars.toString());
        assertFalse(vars.containsKey("ifconfig_eth0_alias2"));
        assertEquals("104.130.4.1", vars.get("defaultrouter"));
        assertEquals("fe80::def%eth0", vars.get("ipv6_defaultrouter"), "a link-local router needs its scope");
        assertEquals("nova0 nova1", vars.get("static_routes"));
        assertEquals("-net 10.208.0.0/12 10.208.224.1", vars.get("route_nova0"));
        assertEquals("web1", vars.get("hostname"));
    }
}
