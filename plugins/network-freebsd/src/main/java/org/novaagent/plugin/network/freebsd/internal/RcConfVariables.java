/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.freebsd.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.novaagent.network.IpAddress;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.Route;

/**
 * The rc.conf variables that express a {@link NetworkConfig}, in the form FreeBSD's
 * {@code /etc/rc.d/netif} and {@code /etc/rc.d/routing} read them (network.subr):
 * <ul>
 *   <li>{@code ifconfig_<if>="inet <cidr>"} for the first IPv4 address, {@code "up"} when it has none;</li>
 *   <li>{@code ifconfig_<if>_ipv6="inet6 <cidr>"} for the first IPv6 address;</li>
 *   <li>{@code ifconfig_<if>_alias<N>} for every other address, numbered from 0 without gaps (netif
 *       stops at the first missing number); an IPv4 alias inside the primary's subnet gets a /32
 *       netmask, as FreeBSD requires for aliases on the same subnet;</li>
 *   <li>{@code defaultrouter} and {@code ipv6_defaultrouter} from the first NIC that has one (one
 *       default route per family); a link-local IPv6 router carries its scope ({@code fe80::1%xn0});</li>
 *   <li>{@code static_routes="nova0 ..."} with {@code route_nova0="-net <cidr> <gw>"}, and
 *       {@code ipv6_static_routes} with {@code ipv6_route_nova0="-net <cidr> <gw>"};</li>
 *   <li>{@code hostname} (FreeBSD reads the hostname from rc.conf, not {@code /etc/hostname}).</li>
 * </ul>
 * Pure.
 */
final class RcConfVariables {

    /** Names we give our static routes; any other name in {@code static_routes} is the operator's. */
    static final String ROUTE_PREFIX = "nova";

    private RcConfVariables() {
    }

    /**
     * @param config the network
     * @return variable name → unquoted value, in a stable order
     */
    static Map<String, String> of(NetworkConfig config) {
        Map<String, String> vars = new LinkedHashMap<>();
        config.hostname().ifPresent(h -> vars.put("hostname", h));
        String defaultRouter = null;
        String ipv6DefaultRouter = null;
        List<String> routes = new ArrayList<>();
        List<String> routes6 = new ArrayList<>();
        for (NetInterface nic : config.interfaces()) {
            String name = nic.name();
            List<String> aliases = new ArrayList<>();
            if (nic.ipv4().isEmpty()) {
                vars.put("ifconfig_" + name, "up");
            } else {
                IpAddress primary = nic.ipv4().get(0);
                vars.put("ifconfig_" + name, "inet " + primary.cidr());
                for (IpAddress extra : nic.ipv4().subList(1, nic.ipv4().size())) {
                    int prefix = sameSubnet(primary, extra) ? 32 : extra.prefix();
                    aliases.add("inet " + extra.address() + "/" + prefix);
                }
            }
            if (!nic.ipv6().isEmpty()) {
                vars.put("ifconfig_" + name + "_ipv6", "inet6 " + nic.ipv6().get(0).cidr());
                for (IpAddress extra : nic.ipv6().subList(1, nic.ipv6().size())) {
                    aliases.add("inet6 " + extra.cidr());
                }
            }
            for (int i = 0; i < aliases.size(); i++) {
                vars.put("ifconfig_" + name + "_alias" + i, aliases.get(i));
            }
            if (defaultRouter == null && nic.gateway4().isPresent()) {
                defaultRouter = nic.gateway4().get();
            }
            if (ipv6DefaultRouter == null && nic.gateway6().isPresent()) {
                String gw = nic.gateway6().get();
                ipv6DefaultRouter = gw.toLowerCase().startsWith("fe80:") ? gw + "%" + name : gw;
            }
            for (Route route : nic.routes()) {
                String spec = "-net " + route.cidr() + " " + route.gateway();
                if (route.ipv6()) {
                    String id = ROUTE_PREFIX + routes6.size();
                    routes6.add(id);
                    vars.put("ipv6_route_" + id, spec);
                } else {
                    String id = ROUTE_PREFIX + routes.size();
                    routes.add(id);
                    vars.put("route_" + id, spec);
                }
            }
        }
        if (defaultRouter != null) {
            vars.put("defaultrouter", defaultRouter);
        }
        if (ipv6DefaultRouter != null) {
            vars.put("ipv6_defaultrouter", ipv6DefaultRouter);
        }
        if (!routes.isEmpty()) {
            vars.put("static_routes", String.join(" ", routes));
        }
        if (!routes6.isEmpty()) {
            vars.put("ipv6_static_routes", String.join(" ", routes6));
        }
        return vars;
    }

    /** IPv4 only: whether {@code extra} lies in the primary address's subnet. */
    static boolean sameSubnet(IpAddress primary, IpAddress extra) {
        long mask = primary.prefix() == 0 ? 0 : (0xffffffffL << (32 - primary.prefix())) & 0xffffffffL;
        return (toLong(primary.address()) & mask) == (toLong(extra.address()) & mask);
    }

    private static long toLong(String dotted) {
        long out = 0;
        for (String part : dotted.split("\\.")) {
            out = (out << 8) | Integer.parseInt(part);
        }
        return out;
    }
}
