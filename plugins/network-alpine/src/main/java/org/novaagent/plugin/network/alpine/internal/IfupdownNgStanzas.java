/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.alpine.internal;

import org.novaagent.network.IpAddress;
import org.novaagent.network.NetInterface;
import org.novaagent.network.Route;
import org.novaagent.network.SafeText;

/**
 * Writes the ifupdown-ng stanza for one interface. ifupdown-ng (Alpine 3.13+) differs from
 * Debian's ifupdown 0.8 in what matters here, checked with its own {@code ifparse -A} and
 * {@code ifup -n}:
 * <ul>
 *   <li>one {@code iface <if>} holds every address of both families: {@code address} may
 *       repeat and takes CIDR, and the {@code static} executor adds each with
 *       {@code ip -4|-6 addr add}; so no {@code up ip addr add} lines and no second
 *       {@code inet6} stanza (ifupdown-ng would merge it anyway);</li>
 *   <li>{@code gateway} may repeat, one per family, each becoming {@code ip route add default};</li>
 *   <li>the {@code inet static} method words are optional and are left out (executors are
 *       chosen from the options);</li>
 *   <li>there are no route options in the {@code static} executor, so routes stay
 *       {@code up ip route add} / {@code down ip route del ... || true} lines (busybox
 *       {@code ip} accepts them);</li>
 *   <li>{@code dns-nameservers} needs a {@code dns} executor and resolvconf, which Alpine does
 *       not install by default; DNS goes to {@code /etc/resolv.conf} instead
 *       ({@link IfupdownNgRenderer}).</li>
 * </ul>
 */
final class IfupdownNgStanzas {

    static final String INDENT = "    ";

    private IfupdownNgStanzas() {
    }

    /**
     * @param nic the interface
     * @return its stanza, each line ending in a newline, with no trailing blank line
     */
    static String render(NetInterface nic) {
        String name = nic.name();
        StringBuilder out = new StringBuilder();
        out.append("# Label ").append(SafeText.comment(nic.label())).append(" (").append(nic.mac()).append(")\n");
        out.append("auto ").append(name).append('\n');
        out.append("iface ").append(name).append('\n');
        for (IpAddress address : nic.ipv4()) {
            option(out, "address " + address.cidr());
        }
        for (IpAddress address : nic.ipv6()) {
            option(out, "address " + address.cidr());
        }
        nic.gateway4().ifPresent(gw -> option(out, "gateway " + gw));
        nic.gateway6().ifPresent(gw -> option(out, "gateway " + gw));
        for (Route route : nic.routes()) {
            String ip = route.ipv6() ? "ip -6 route " : "ip route ";
            String spec = route.cidr() + " via " + route.gateway() + " dev " + name;
            option(out, "up " + ip + "add " + spec);
            option(out, "down " + ip + "del " + spec + " || true");
        }
        if (nic.ipv4().isEmpty() && nic.ipv6().isEmpty()) {
            // No enabled address: the link is still brought up.
            option(out, "use link");
        }
        return out.toString();
    }

    private static void option(StringBuilder out, String option) {
        out.append(INDENT).append(option).append('\n');
    }
}
