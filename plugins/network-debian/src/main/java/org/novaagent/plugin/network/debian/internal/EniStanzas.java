/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.debian.internal;

import java.util.ArrayList;
import java.util.List;

import org.novaagent.network.IpAddress;
import org.novaagent.network.NetInterface;
import org.novaagent.network.Route;
import org.novaagent.network.SafeText;

/**
 * Writes the ifupdown stanzas for one interface. Kept apart from {@link EniRenderer} so the
 * stanza format (what ifupdown 0.8 accepts) is in one place.
 *
 * <p>ifupdown 0.8 keeps only the first {@code address} of an {@code inet} stanza and joins
 * several {@code inet6} addresses into one broken {@code ip} command (checked with
 * {@code ifup --no-act}), so secondary addresses are {@code up ip addr add} lines. Routes are
 * {@code up ip route add} / {@code down ip route del} (the 2.x agent wrote
 * {@code post-down route add}, spec 7.1). {@code down} lines end in {@code || true}: a route or
 * address the kernel already dropped must not make {@code ifdown} fail and leave the
 * interface marked as configured, or the following {@code ifup} would do nothing.
 */
final class EniStanzas {

    static final String INDENT = "    ";

    private EniStanzas() {
    }

    /**
     * @param nic the interface
     * @return its stanzas, each line ending in a newline, with no trailing blank line
     */
    static String render(NetInterface nic) {
        String name = nic.name();
        List<String> v4 = new ArrayList<>();
        List<String> v6 = new ArrayList<>();
        if (!nic.ipv4().isEmpty()) {
            IpAddress primary = nic.ipv4().get(0);
            v4.add("address " + primary.cidr());
            nic.gateway4().ifPresent(gw -> v4.add("gateway " + gw));
            for (IpAddress extra : nic.ipv4().subList(1, nic.ipv4().size())) {
                v4.add("up ip addr add " + extra.cidr() + " dev " + name);
                v4.add("down ip addr del " + extra.cidr() + " dev " + name + " || true");
            }
        }
        if (!nic.ipv6().isEmpty()) {
            IpAddress primary = nic.ipv6().get(0);
            v6.add("address " + primary.address());
            v6.add("netmask " + primary.prefix());
            nic.gateway6().ifPresent(gw -> v6.add("gateway " + gw));
            for (IpAddress extra : nic.ipv6().subList(1, nic.ipv6().size())) {
                v6.add("up ip -6 addr add " + extra.cidr() + " dev " + name);
                v6.add("down ip -6 addr del " + extra.cidr() + " dev " + name + " || true");
            }
        }
        boolean hasV4 = !nic.ipv4().isEmpty();
        boolean hasV6 = !nic.ipv6().isEmpty();
        List<String> dnsTarget = hasV4 || !hasV6 ? v4 : v6;
        if (!nic.dns().isEmpty()) {
            dnsTarget.add("dns-nameservers " + String.join(" ", nic.dns()));
        }
        for (Route route : nic.routes()) {
            List<String> target = route.ipv6() ? (hasV6 ? v6 : v4) : (hasV4 || !hasV6 ? v4 : v6);
            String ip = route.ipv6() ? "ip -6 route " : "ip route ";
            String spec = route.cidr() + " via " + route.gateway() + " dev " + name;
            target.add("up " + ip + "add " + spec);
            target.add("down " + ip + "del " + spec + " || true");
        }

        StringBuilder out = new StringBuilder();
        out.append("# Label ").append(SafeText.comment(nic.label()))
                .append(" (").append(nic.mac()).append(")\n");
        out.append("auto ").append(name).append('\n');
        if (hasV4 || !hasV6) {
            // An interface with no enabled address is still brought up, without addresses.
            String method = hasV4 ? "static" : "manual";
            stanza(out, name, "inet " + method, v4);
        }
        if (hasV6) {
            if (hasV4) {
                out.append('\n');
            }
            stanza(out, name, "inet6 static", v6);
        }
        return out.toString();
    }

    private static void stanza(StringBuilder out, String name, String method, List<String> options) {
        out.append("iface ").append(name).append(' ').append(method).append('\n');
        for (String option : options) {
            out.append(INDENT).append(option).append('\n');
        }
    }
}
