/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.rhel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.RenderedFile;
import org.novaagent.network.RendererOptions;
import org.novaagent.network.testkit.TestNetworks;

class IfcfgRendererTests {

    private final IfcfgRenderer renderer = new IfcfgRenderer();

    private static String file(List<RenderedFile> files, String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().content();
    }

    private static long count(String content, String prefix) {
        return content.lines().filter(l -> l.startsWith(prefix)).count();
    }

    @Test
    void repeatedRenderKeepsOneZoneLineAndDuplicatesNothing() {
        NetworkConfig config = TestNetworks.config("worked-example");
        String eth0 = RhelNames.ifcfg("eth0");
        // What the 2.x agent left behind: the IPV6ADDR1 pile-up bug (spec 7.1), ZONE twice.
        String old = "# Automatically generated, do not edit\n\n# Label public\nBOOTPROTO=static\nDEVICE=eth0\n"
                + "IPADDR=104.130.4.72\nNETMASK=255.255.255.0\nIPV6ADDR1=2001:4802:7802:104:be76:4eff:fe20:7573/64\n"
                + "ZONE=public\nONBOOT=yes\nIPV6ADDR1=2001:4802:7802:104:be76:4eff:fe20:7573/64\nMTU=9000\nZONE=public\n";
        Map<String, String> existing = new HashMap<>(Map.of(eth0, old));
        String previous = null;
        for (int run = 0; run < 3; run++) {
            String now = file(renderer.render(config, new RendererOptions(Map.of(), existing)), eth0);
            if (previous != null) {
                assertEquals(previous, now, "run " + run + " changed the file");
            }
            existing.put(eth0, now);
            previous = now;
        }
        assertEquals(1, count(previous, "ZONE="));
        assertEquals(1, count(previous, "MTU=9000"));
        assertEquals(0, count(previous, "IPV6ADDR1="));
        assertEquals(0, count(previous, "NETMASK"));
        assertEquals(1, count(previous, "IPV6ADDR_SECONDARIES=\"2001:4802:7802:104:be76:4eff:fe20:7573/64\""));
        List<String> keys = previous.lines().filter(l -> l.contains("=")).map(l -> l.substring(0, l.indexOf('='))).toList();
        assertEquals(keys.size(), keys.stream().distinct().count(), "no key twice:\n" + previous);
    }

    @Test
    void workedExampleHasTheExpectedKeys() {
        List<RenderedFile> files = renderer.render(TestNetworks.config("worked-example"), RendererOptions.defaults());
        String eth0 = file(files, RhelNames.ifcfg("eth0"));
        for (String line : List.of("DEVICE=eth0", "HWADDR=bc:76:4e:20:75:72", "BOOTPROTO=none", "ONBOOT=yes",
                "IPADDR=104.130.4.72", "PREFIX=24", "IPADDR1=104.130.4.73", "PREFIX1=24", "GATEWAY=104.130.4.1",
                "DEFROUTE=yes", "IPV6INIT=yes", "IPV6ADDR=2001:4802:7802:104:be76:4eff:fe20:7572/64",
                "IPV6_DEFAULTGW=fe80::def%eth0", "DNS1=69.20.0.164", "DNS2=69.20.0.196", "NM_CONTROLLED=yes")) {
            assertTrue(eth0.lines().anyMatch(line::equals), line + " in\n" + eth0);
        }
        String eth1 = file(files, RhelNames.ifcfg("eth1"));
        assertFalse(eth1.contains("DEFROUTE"), "DEFROUTE only on the gateway NIC");
        assertTrue(file(files, RhelNames.route("eth1", false)).endsWith(
                "10.208.0.0/12 via 10.208.224.1 dev eth1\n10.176.0.0/12 via 10.208.224.1 dev eth1\n"));
        assertTrue(files.stream().noneMatch(f -> f.path().contains("route6-") || f.path().contains(":")));
    }

    @Test
    void uuidIsStableAndAnExistingOneIsKept() {
        String path = RhelNames.ifcfg("eth0");
        NetworkConfig config = TestNetworks.config("single-nic-ipv4");
        String fresh = file(renderer.render(config, RendererOptions.defaults()), path);
        assertTrue(fresh.contains("UUID=" + RhelNames.uuid("bc:76:4e:20:0c:13") + "\n"));
        String kept = file(renderer.render(config, new RendererOptions(Map.of(),
                Map.of(path, "UUID=\"5FB06BD0-0BB0-7FFB-45F1-D6EDD65F3E03\"\nTYPE=Ethernet\n"))), path);
        assertTrue(kept.contains("UUID=5fb06bd0-0bb0-7ffb-45f1-d6edd65f3e03\n"), kept);
        assertEquals(1, count(kept, "UUID="));
        assertTrue(kept.endsWith(IfcfgFile.KEPT + "\nTYPE=Ethernet\n"), kept);
    }

    @Test
    void foreignStaleRouteFilesAreNeutralisedOursAreLeftToTheStager() {
        NetworkConfig config = TestNetworks.config("single-nic-ipv4");
        Map<String, String> existing = new HashMap<>(Map.of(
                RhelNames.route("eth0", false), "ADDRESS0=10.0.0.0\nNETMASK0=255.0.0.0\nGATEWAY0=10.0.0.1\n",
                RhelNames.route("eth0", true), RhelNames.HEADER + "::/0 via fe80::1 dev eth0\n"));
        List<RenderedFile> files = renderer.render(config, new RendererOptions(Map.of(), existing));
        assertEquals(IfcfgRenderer.noRoutes("eth0"), file(files, RhelNames.route("eth0", false)));
        assertTrue(files.stream().noneMatch(f -> f.path().equals(RhelNames.route("eth0", true))),
                "our own stale route6 file is not rendered, so the stager removes it");
        existing.put(RhelNames.route("eth0", false), IfcfgRenderer.noRoutes("eth0"));
        assertEquals(IfcfgRenderer.noRoutes("eth0"),
                file(renderer.render(config, new RendererOptions(Map.of(), existing)), RhelNames.route("eth0", false)),
                "stable on the next run");
    }

    @Test
    void sysconfigNetworkKeepsLinesAndSetsHostnameOnlyWhenGiven() {
        String old = "NETWORKING=no\nGATEWAYDEV=eth0\nHOSTNAME=old\n";
        String defaults = "NOZEROCONF=yes\nNETWORKING_IPV6=yes\n";
        assertEquals(SysconfigNetwork.HEADER + "\nNETWORKING=yes\n" + defaults + "GATEWAYDEV=eth0\nHOSTNAME=web1\n",
                SysconfigNetwork.render(Optional.of(old), Optional.of("web1")));
        assertEquals(SysconfigNetwork.HEADER + "\nNETWORKING=yes\n" + defaults + "GATEWAYDEV=eth0\nHOSTNAME=old\n",
                SysconfigNetwork.render(Optional.of(old), Optional.empty()));
        String explicit = "NETWORKING=yes\nNOZEROCONF=no\nNETWORKING_IPV6=no\n";
        assertEquals(SysconfigNetwork.HEADER + "\n" + explicit, SysconfigNetwork.render(Optional.of(explicit), Optional.empty()),
                "an operator's explicit value wins over 2.x's default");
        String once = SysconfigNetwork.render(Optional.empty(), Optional.of("web1"));
        assertEquals(once, SysconfigNetwork.render(Optional.of(once), Optional.of("web1")));
    }

    @Test
    void nmControlledFollowsTheSetting() {
        String out = file(renderer.render(TestNetworks.config("single-nic-ipv4"),
                new RendererOptions(Map.of(IfcfgRenderer.NM_CONTROLLED, "false"), Map.of())), RhelNames.ifcfg("eth0"));
        assertTrue(out.contains("\nNM_CONTROLLED=no\n"));
    }
}
