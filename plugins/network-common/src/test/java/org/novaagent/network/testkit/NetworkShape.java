/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network.testkit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.Route;

/**
 * What a network configuration file says about a {@link NetworkConfig}, comparable across
 * formats: per interface name its MAC (when the format binds by MAC), its IPv4 and IPv6
 * addresses in order, its gateways and its routes (as a set), and the DNS servers of all
 * interfaces per family, in order without repeats (several formats keep them in one global
 * list, others in a section per family). The round
 * trip tests build one from the model and one from the files they parse back, and compare.
 * Labels, XenStore keys and the hostname are not configuration and are left out.
 */
public final class NetworkShape {

    /**
     * One interface, filled in by a parser: lists hold {@code address/prefix} in file order,
     * routes {@code network/prefix via gateway}; empty strings where the file says nothing.
     */
    public static final class Nic {
        /** lower-case MAC, or empty */
        public String mac = "";
        /** IPv4 addresses */
        public final List<String> ipv4 = new ArrayList<>();
        /** IPv6 addresses */
        public final List<String> ipv6 = new ArrayList<>();
        /** IPv4 default gateway, or empty */
        public String gateway4 = "";
        /** IPv6 default gateway (without a {@code %dev} scope), or empty */
        public String gateway6 = "";
        /** other routes */
        public final Set<String> routes = new TreeSet<>();

        /** Sets the MAC, in lower case. */
        public void mac(String m) {
            mac = m.toLowerCase(Locale.ROOT);
        }

        /** Sets the IPv6 gateway, dropping a {@code %dev} scope. */
        public void gateway6(String g) {
            gateway6 = g.replaceAll("%.*$", "");
        }

        /** Adds an address of either family (by the presence of a colon). */
        public void address(String cidr) {
            (cidr.contains(":") ? ipv6 : ipv4).add(cidr);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Nic n && n.mac.equals(mac) && n.ipv4.equals(ipv4) && n.ipv6.equals(ipv6)
                    && n.gateway4.equals(gateway4) && n.gateway6.equals(gateway6) && n.routes.equals(routes);
        }

        @Override
        public int hashCode() {
            return mac.hashCode() + 31 * ipv4.hashCode() + 17 * ipv6.hashCode() + routes.hashCode();
        }

        @Override
        public String toString() {
            return "mac=" + mac + " ipv4=" + ipv4 + " ipv6=" + ipv6 + " gw4=" + gateway4 + " gw6=" + gateway6
                    + " routes=" + routes;
        }
    }

    private final Map<String, Nic> nics;
    private final List<String> dns4;
    private final List<String> dns6;

    /**
     * @param nics interface name → what the files say about it
     * @param dns  the DNS servers in order, repeats removed
     */
    public NetworkShape(Map<String, Nic> nics, List<String> dns) {
        this.nics = new TreeMap<>(nics);
        this.dns4 = List.copyOf(new LinkedHashSet<>(dns.stream().filter(d -> !d.contains(":")).toList()));
        this.dns6 = List.copyOf(new LinkedHashSet<>(dns.stream().filter(d -> d.contains(":")).toList()));
    }

    /**
     * @param config  the model
     * @param withMac whether the format binds interfaces by MAC (else the MAC is left out)
     * @return what a faithful rendering of {@code config} says
     */
    public static NetworkShape of(NetworkConfig config, boolean withMac) {
        return of(config, withMac, false);
    }

    /**
     * @param config               the model
     * @param withMac              whether the format binds interfaces by MAC
     * @param dnsNeedsFamilyAddress the format keeps DNS servers in a per-family section that an
     *                             interface without an address of that family does not have (NetworkManager's
     *                             {@code method=disabled}): such servers are not expected
     * @return what a faithful rendering of {@code config} says
     */
    public static NetworkShape of(NetworkConfig config, boolean withMac, boolean dnsNeedsFamilyAddress) {
        Map<String, Nic> out = new TreeMap<>();
        List<String> dns = new ArrayList<>();
        for (NetInterface i : config.interfaces()) {
            Nic n = new Nic();
            if (withMac) {
                n.mac(i.mac());
            }
            i.ipv4().forEach(a -> n.ipv4.add(a.cidr()));
            i.ipv6().forEach(a -> n.ipv6.add(a.cidr()));
            n.gateway4 = i.gateway4().orElse("");
            n.gateway6 = i.gateway6().orElse("");
            for (Route r : i.routes()) {
                n.routes.add(route(r.cidr(), r.gateway()));
            }
            out.put(i.name(), n);
            i.dns().stream().filter(d -> !dnsNeedsFamilyAddress
                    || !(d.contains(":") ? i.ipv6() : i.ipv4()).isEmpty()).forEach(dns::add);
        }
        return new NetworkShape(out, dns);
    }

    /** @return the canonical text of a route */
    public static String route(String cidr, String via) {
        return cidr + " via " + via;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkShape s && s.nics.equals(nics) && s.dns4.equals(dns4) && s.dns6.equals(dns6);
    }

    @Override
    public int hashCode() {
        return nics.hashCode() * 31 + dns4.hashCode() + dns6.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        nics.forEach((name, n) -> b.append(name).append(": ").append(n).append('\n'));
        return b.append("dns: ").append(dns4).append(' ').append(dns6).append('\n').toString();
    }
}
