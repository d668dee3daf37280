/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.novaagent.host.internal.NovaJson;

/**
 * Builds the {@code vm-data/networking/<MAC>} value exactly as nova's {@code vmops._vif_xenstore_data}
 * does (spec section 1.6): IPv4 netmasks dotted, IPv6 netmasks as integers, {@code enabled} always
 * {@code "1"}, missing gateways as JSON null, optional members only when there is data for them.
 */
public final class NovaVifData {

    private NovaVifData() {
    }

    /**
     * @param nic the NIC
     * @return the value as an ordered map (label, mac, broadcast, gateway, ips, gateway_v6, ip6s, routes, dns)
     */
    public static Map<String, Object> toMap(NetworkSpec.Nic nic) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", nic.label());
        m.put("mac", nic.mac());
        if (!nic.ipv4().isEmpty()) {
            NetworkSpec.Ip first = nic.ipv4().get(0);
            m.put("broadcast", broadcast(first.address(), first.prefix()));
            m.put("gateway", first.gateway().orElse(null));
            List<Object> ips = new ArrayList<>();
            for (NetworkSpec.Ip ip : nic.ipv4()) {
                ips.add(ipDict(ip, netmask(ip.prefix())));
            }
            m.put("ips", ips);
        }
        if (!nic.ipv6().isEmpty()) {
            m.put("gateway_v6", nic.ipv6().get(0).gateway().orElse(null));
            List<Object> ip6s = new ArrayList<>();
            for (NetworkSpec.Ip ip : nic.ipv6()) {
                ip6s.add(ipDict(ip, ip.prefix()));
            }
            m.put("ip6s", ip6s);
        }
        if (!nic.routes().isEmpty()) {
            List<Object> routes = new ArrayList<>();
            for (NetworkSpec.RouteSpec r : nic.routes()) {
                String[] parts = r.cidr().split("/", 2);
                int prefix = Integer.parseInt(parts[1]);
                Map<String, Object> route = new LinkedHashMap<>();
                route.put("route", network(parts[0], prefix));
                route.put("netmask", netmask(prefix));
                route.put("gateway", r.gateway().orElse(null));
                routes.add(route);
            }
            m.put("routes", routes);
        }
        if (!nic.dns().isEmpty()) {
            m.put("dns", new ArrayList<>(new LinkedHashSet<>(nic.dns())));
        }
        return m;
    }

    /**
     * @param nic the NIC
     * @return the JSON text nova writes (Python {@code json.dumps} style)
     */
    public static String toJson(NetworkSpec.Nic nic) {
        return NovaJson.dumps(toMap(nic));
    }

    private static Map<String, Object> ipDict(NetworkSpec.Ip ip, Object netmask) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("ip", ip.address());
        d.put("netmask", netmask);
        d.put("enabled", "1");
        d.put("gateway", ip.gateway().orElse(null));
        return d;
    }

    /**
     * @param prefix IPv4 prefix length 0..32
     * @return the dotted netmask, e.g. {@code 255.255.224.0} for 19
     */
    public static String netmask(int prefix) {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("bad IPv4 prefix length " + prefix);
        }
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return dotted(mask);
    }

    private static String broadcast(String address, int prefix) {
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return dotted((ipv4(address) & mask) | (~mask & 0xFFFFFFFFL));
    }

    private static String network(String address, int prefix) {
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return dotted(ipv4(address) & mask);
    }

    private static long ipv4(String address) {
        if (!address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("not an IPv4 address: " + address);
        }
        try {
            InetAddress a = InetAddress.getByName(address);
            if (!(a instanceof Inet4Address)) {
                throw new IllegalArgumentException("not an IPv4 address: " + address);
            }
            long v = 0;
            for (byte b : a.getAddress()) {
                v = (v << 8) | (b & 0xFF);
            }
            return v;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv4 address: " + address, e);
        }
    }

    private static String dotted(long v) {
        return ((v >> 24) & 0xFF) + "." + ((v >> 16) & 0xFF) + "." + ((v >> 8) & 0xFF) + "." + (v & 0xFF);
    }
}
