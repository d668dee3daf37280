/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.network.IpAddress;
import org.novaagent.network.Route;

/** The adapter query's script is well-formed, and its output is read leniently but exactly. */
class AdapterStateParserTests {

    @TempDir
    Path dir;

    @Test
    void theQueryScriptIsFixedAndWellFormed() throws Exception {
        ScriptCheck.assertWellFormed(AdapterQuery.SCRIPT, dir);
    }

    @Test
    void readsEveryRecordAsWindowsPrintsIt() throws IOException {
        HostState s = AdapterStateParser.parse(String.join("\r\n",
                "HOST|WIN-7QJ2K1L0ABC",
                "A|12|BC-76-4E-20-75-72|6|True|False|True|True|xen\\vif|XenServer PV Network Device #0|Ethernet | with a bar",
                "A|3||6|True|True|False|False|tap0901|TAP-Windows Adapter V9|Local Area Connection",
                "IP|12|104.130.4.72|24",
                "IP|12|FE80::1%12|64",
                "GW|12|104.130.4.1",
                "GW|12|0.0.0.0",
                "DNS|12|69.20.0.164",
                "DNS|12|2001:4800:D::1",
                "DNS|12|69.20.0.196",
                "RT|12|10.176.0.0/12|10.208.224.1",
                "RT|12|192.168.0.0/16|0.0.0.0",
                "IP|99|10.0.0.1|8",
                "IP|12|not-an-address|24",
                "XX|whatever",
                ""));
        assertEquals("WIN-7QJ2K1L0ABC", s.computerName());
        Adapter a = s.adapter(12).orElseThrow();
        assertEquals("Ethernet | with a bar", a.name());
        assertEquals(Optional.of("BC-76-4E-20-75-72"), a.mac());
        assertEquals(AdapterKind.ETHERNET, a.kind());
        assertTrue(a.ipv4Enabled() && !a.ipv6Enabled() && a.dhcp4() && a.up());
        assertEquals(List.of(new IpAddress("104.130.4.72", 24, false), new IpAddress("fe80::1", 64, true)), a.addresses());
        assertEquals(List.of("104.130.4.1"), a.gateways(), "an on-link next hop is no gateway");
        assertEquals(List.of("69.20.0.164", "69.20.0.196", "2001:4800:d::1"), a.dns(), "IPv4 first, order kept");
        assertEquals(List.of(new Route("10.176.0.0", 12, "10.208.224.1", false)), a.routes());
        Adapter tap = s.adapter(3).orElseThrow();
        assertEquals(Optional.empty(), tap.mac());
        assertEquals(AdapterKind.VPN_TAP, tap.kind());
        assertTrue(!tap.up());
    }

    @Test
    void readsInterfacesAndEveryPersistentRouteWithItsMetric() throws IOException {
        HostState s = AdapterStateParser.parse(String.join("\r\n",
                "HOST|WEB01",
                "A|12|BC-76-4E-20-75-72|6|True|True|False|True|xen\\vif|XenServer PV Network Device #0|public0",
                "IF|1",
                "IF|12",
                "IF|x",
                "RT|12|0.0.0.0/0|104.130.4.1|2",
                "RT|12|10.176.0.0/12|10.208.224.1|10",
                "RT|16|172.16.0.0/16|192.168.3.1|10",
                "RT|16|10.0.0.0/8|192.168.3.1",
                ""));
        assertEquals(java.util.Set.of(1, 12), s.interfaces());
        assertEquals(List.of(new Route("10.176.0.0", 12, "10.208.224.1", false)), s.adapter(12).orElseThrow().routes(),
                "a persistent default route is not one of the adapter's routes (its gateways come from GW)");
        assertEquals(List.of(
                new HostState.PersistentRoute(12, new Route("0.0.0.0", 0, "104.130.4.1", false), 2),
                new HostState.PersistentRoute(12, new Route("10.176.0.0", 12, "10.208.224.1", false), 10),
                new HostState.PersistentRoute(16, new Route("172.16.0.0", 16, "192.168.3.1", false), 10),
                new HostState.PersistentRoute(16, new Route("10.0.0.0", 8, "192.168.3.1", false), 0)), s.persistentRoutes());
        assertTrue(s.persistentRoutes().get(0).agents() && s.persistentRoutes().get(2).agents());
        assertTrue(!s.persistentRoutes().get(3).agents(), "an unknown metric is never the agent's");
        assertTrue(s.exists(1) && s.exists(12) && !s.exists(16));
    }

    @Test
    void outputWithoutAdaptersIsAnError() {
        IOException e = assertThrows(IOException.class, () -> AdapterStateParser.parse("HOST|X\r\n"));
        assertEquals("the adapter query reported no adapter: HOST|X", e.getMessage());
        assertThrows(IOException.class, () -> AdapterStateParser.parse("A|1|00-11-22-33-44-55|6|True|True|True|True|x|y|z"));
    }

    @Test
    void theKindRuleSkipsWhatIsNotACloudNic() {
        assertEquals(AdapterKind.ETHERNET, AdapterKind.classify(6, "xen\\vif", "XenServer PV Network Device #0"));
        assertEquals(AdapterKind.ETHERNET, AdapterKind.classify(6, "pci\\ven_8086&dev_100e", "Intel(R) PRO/1000 MT"));
        assertEquals(AdapterKind.HYPERV_SWITCH, AdapterKind.classify(6, "vms_mp", "Hyper-V Virtual Ethernet Adapter #2"));
        assertEquals(AdapterKind.VPN_TAP, AdapterKind.classify(6, "tap0901", "TAP-Windows Adapter V9"));
        assertEquals(AdapterKind.VPN_TAP, AdapterKind.classify(53, "wireguard", "WireGuard Tunnel"));
        assertEquals(AdapterKind.VPN_TAP, AdapterKind.classify(6, "", "OpenVPN Data Channel Offload"));
        assertEquals(AdapterKind.LOOPBACK, AdapterKind.classify(6, "*msloop", "Microsoft KM-TEST Loopback Adapter"));
        assertEquals(AdapterKind.LOOPBACK, AdapterKind.classify(24, "", ""));
        assertEquals(AdapterKind.OTHER, AdapterKind.classify(71, "", "Intel(R) Wi-Fi 6 AX201"));
    }
}
