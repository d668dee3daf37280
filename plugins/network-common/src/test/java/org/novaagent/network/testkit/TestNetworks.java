/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.novaagent.network.IpAddress;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.Route;

/**
 * Network configurations built in test code (the shape the shared parser produces), named
 * like the shared golden scenarios. The worked example is spec 4.9. Shared by the renderer plugins'
 * tool-validation tests through the network-common test-jar.
 */
public final class TestNetworks {

    private TestNetworks() {
    }

    /**
     * @param cidr an IPv4 address with prefix, e.g. {@code 10.0.0.5/24}
     * @return the address
     */
    public static IpAddress v4(String cidr) {
        String[] p = cidr.split("/");
        return new IpAddress(p[0], Integer.parseInt(p[1]), false);
    }

    /**
     * @param cidr an IPv6 address with prefix, e.g. {@code 2001:db8::10/64}
     * @return the address
     */
    public static IpAddress v6(String cidr) {
        String[] p = cidr.split("/");
        return new IpAddress(p[0], Integer.parseInt(p[1]), true);
    }

    /**
     * @param cidr the destination network
     * @param via  the gateway (IPv6 when it contains a colon)
     * @return the route
     */
    public static Route route(String cidr, String via) {
        String[] p = cidr.split("/");
        return new Route(p[0], Integer.parseInt(p[1]), via, via.contains(":"));
    }

    /**
     * A NIC as the parser builds it (XenStore key from the MAC).
     *
     * @param name   interface name
     * @param mac    MAC address
     * @param label  host-given label
     * @param ipv4   IPv4 addresses
     * @param ipv6   IPv6 addresses
     * @param gw4    IPv4 gateway or null
     * @param gw6    IPv6 gateway or null
     * @param routes static routes
     * @param dns    name servers
     * @return the interface
     */
    public static NetInterface nic(String name, String mac, String label, List<IpAddress> ipv4, List<IpAddress> ipv6,
                                   String gw4, String gw6, List<Route> routes, List<String> dns) {
        return new NetInterface(name, mac, label, mac.replace(":", "").toUpperCase(), ipv4, ipv6,
                Optional.ofNullable(gw4), Optional.ofNullable(gw6), routes, dns);
    }

    /** @return eth0 of the spec 4.9 worked example (two IPv4, two IPv6 addresses) */
    public static NetInterface publicEth0() {
        return nic("eth0", "bc:76:4e:20:75:72", "public",
                List.of(v4("104.130.4.72/24"), v4("104.130.4.73/24")),
                List.of(v6("2001:4802:7802:104:be76:4eff:fe20:7572/64"),
                        v6("2001:4802:7802:104:be76:4eff:fe20:7573/64")),
                "104.130.4.1", "fe80::def", List.of(), List.of("69.20.0.164", "69.20.0.196"));
    }

    /** @return eth1 of the spec 4.9 worked example (static routes, no gateway) */
    public static NetInterface privateEth1() {
        return nic("eth1", "bc:76:4e:20:6c:5b", "private", List.of(v4("10.208.227.239/19")), List.of(),
                null, null,
                List.of(route("10.208.0.0/12", "10.208.224.1"), route("10.176.0.0/12", "10.208.224.1")),
                List.of());
    }

    /** @return all configurations by name */
    public static Map<String, NetworkConfig> all() {
        Map<String, NetworkConfig> m = new LinkedHashMap<>();
        m.put("single-nic-ipv4", new NetworkConfig(List.of(nic("eth0", "bc:76:4e:20:0c:13", "public",
                List.of(v4("23.253.100.10/24")), List.of(), "23.253.100.1", null, List.of(),
                List.of("72.3.128.240", "72.3.128.241"))), Optional.of("web1")));
        m.put("worked-example", new NetworkConfig(List.of(publicEth0(), privateEth1()), Optional.of("web1")));
        m.put("ipv6-routes", new NetworkConfig(List.of(nic("eth0", "bc:76:4e:20:0c:13", "public",
                List.of(), List.of(v6("2001:db8:1::10/64")), null, "2001:db8:1::1",
                List.of(route("2001:db8:99::/48", "2001:db8:1::2")), List.of("2001:4860:4860::8888"))),
                Optional.empty()));
        m.put("no-address", new NetworkConfig(List.of(nic("eth0", "bc:76:4e:20:0c:13", "public",
                List.of(), List.of(), null, null, List.of(), List.of())), Optional.empty()));
        return m;
    }

    /**
     * @param name a name from {@link #all}
     * @return that configuration, or null
     */
    public static NetworkConfig config(String name) {
        return all().get(name);
    }
}
