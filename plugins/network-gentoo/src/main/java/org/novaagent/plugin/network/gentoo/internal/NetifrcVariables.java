/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.gentoo.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.novaagent.network.IpAddress;
import org.novaagent.network.NetInterface;
import org.novaagent.network.Route;

/**
 * The netifrc variables of one NIC, as {@code net.lo} reads them (checked against netifrc's
 * {@code _load_config} and its route loop):
 * <ul>
 *   <li>{@code config_<var>}: one CIDR address per line, IPv4 first ({@code _array_helper} splits on
 *       newlines; iproute2 adds each with {@code ip addr add}); {@code "null"} when nova sent no enabled
 *       address (the link comes up with none; an unset {@code config_} would mean DHCP);</li>
 *   <li>{@code routes_<var>}: one route per line, {@code default via <gw>}, {@code <cidr> via <gw>};
 *       IPv6 ones prefixed {@code -6} (net.lo strips it and adds the route with {@code ip -f inet6});
 *       net.lo adds {@code dev <if>} itself, so a link-local IPv6 gateway works;</li>
 *   <li>{@code dns_servers_<var>}: space-separated; netifrc's {@code system} module writes them to
 *       {@code /etc/resolv.conf} (or hands them to resolvconf) when the interface starts.</li>
 * </ul>
 * {@code <var>} is netifrc's {@code shell_var} of the interface name: every character other than
 * {@code [A-Za-z0-9_]} becomes {@code _}.
 */
final class NetifrcVariables {

    /**
     * Prefixes of the per-interface variables nova-agent owns for the NICs it configures, longest
     * first ({@code fallback_routes_} before {@code fallback_} and {@code routes_}).
     */
    static final List<String> OWNED_PREFIXES = List.of("fallback_routes_", "dns_servers_", "fallback_", "config_", "routes_");

    private NetifrcVariables() {
    }

    /** @return netifrc's {@code shell_var} of an interface name */
    static String shellVar(String ifname) {
        return ifname.replaceAll("[^A-Za-z0-9_]", "_");
    }

    /**
     * @param variable a variable name
     * @return the {@code shell_var} suffix when the variable is one nova-agent owns, e.g. {@code eth0}
     *         for {@code routes_eth0}
     */
    static Optional<String> ownedSuffix(String variable) {
        for (String prefix : OWNED_PREFIXES) {
            if (variable.startsWith(prefix) && variable.length() > prefix.length()) {
                return Optional.of(variable.substring(prefix.length()));
            }
        }
        return Optional.empty();
    }

    /**
     * @param nic the interface
     * @return variable name → unquoted value, in the order they are written
     */
    static Map<String, String> of(NetInterface nic) {
        String var = shellVar(nic.name());
        Map<String, String> out = new LinkedHashMap<>();
        List<String> addresses = new ArrayList<>();
        nic.ipv4().forEach(a -> addresses.add(a.cidr()));
        nic.ipv6().stream().map(IpAddress::cidr).forEach(addresses::add);
        out.put("config_" + var, addresses.isEmpty() ? "null" : String.join("\n", addresses));
        List<String> routes = new ArrayList<>();
        nic.gateway4().ifPresent(gw -> routes.add("default via " + gw));
        nic.gateway6().ifPresent(gw -> routes.add("-6 default via " + gw));
        for (Route route : nic.routes()) {
            routes.add((route.ipv6() ? "-6 " : "") + route.cidr() + " via " + route.gateway());
        }
        if (!routes.isEmpty()) {
            out.put("routes_" + var, String.join("\n", routes));
        }
        if (!nic.dns().isEmpty()) {
            out.put("dns_servers_" + var, String.join(" ", nic.dns()));
        }
        return out;
    }

    /** {@code name="value"}, with the double-quote specials of sh escaped (the model holds none). */
    static String assignment(String name, String value) {
        return name + "=\"" + value.replaceAll("([\"\\\\$`])", "\\\\$1") + "\"";
    }
}
