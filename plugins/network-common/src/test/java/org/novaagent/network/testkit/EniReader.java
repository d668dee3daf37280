/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network.testkit;

import java.util.List;
import java.util.Map;

/**
 * Reverse parser, for the round-trip property tests, of {@code /etc/network/interfaces} as
 * ifupdown (Debian: an {@code inet} and an {@code inet6} stanza, {@code netmask} lines, extra
 * addresses and routes as {@code up ip ...} hooks) and ifupdown-ng (Alpine: one stanza, several
 * {@code address} and {@code gateway} lines) read it. {@code down} hooks, comments and other
 * options are ignored. Also reads {@code resolv.conf} {@code nameserver} lines.
 */
public final class EniReader {

    private EniReader() {
    }

    /**
     * @param text the interfaces file (or drop-in)
     * @param nics where to add the interfaces its stanzas configure
     * @param dns  where to add {@code dns-nameservers}, in order
     */
    public static void read(String text, Map<String, NetworkShape.Nic> nics, List<String> dns) {
        NetworkShape.Nic nic = null;
        String pending = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] w = line.split("\\s+");
            if (pending != null && !w[0].equals("netmask")) {
                flush(nic, pending); // an address without a netmask line carries its prefix
                pending = null;
            }
            switch (w[0]) {
                case "iface" -> nic = w[1].equals("lo") ? null : nics.computeIfAbsent(w[1], k -> new NetworkShape.Nic());
                case "address" -> pending = w[1];
                case "netmask" -> {
                    pending = pending + "/" + prefix(w[1]);
                    flush(nic, pending);
                    pending = null;
                }
                case "gateway" -> {
                    if (nic != null && w[1].contains(":")) {
                        nic.gateway6(w[1]);
                    } else if (nic != null) {
                        nic.gateway4 = w[1];
                    }
                }
                case "dns-nameservers" -> dns.addAll(List.of(w).subList(1, w.length));
                case "up", "post-up" -> hook(nic, w);
                default -> {
                }
            }
        }
        flush(nic, pending);
    }

    /** {@code up ip [-6] addr add X/p dev D} or {@code up ip [-6] route add N/p via G dev D}. */
    private static void hook(NetworkShape.Nic nic, String[] w) {
        if (nic == null || w.length < 4 || !w[1].equals("ip")) {
            return;
        }
        int i = w[2].equals("-6") || w[2].equals("-4") ? 3 : 2;
        if (w[i].equals("addr") && w[i + 1].equals("add")) {
            nic.address(w[i + 2]);
        } else if (w[i].equals("route") && w[i + 1].equals("add") && w[i + 3].equals("via")) {
            nic.routes.add(NetworkShape.route(w[i + 2], w[i + 4]));
        }
    }

    private static void flush(NetworkShape.Nic nic, String address) {
        if (nic != null && address != null) {
            nic.address(address);
        }
    }

    /** @return the prefix length of a numeric or dotted netmask */
    private static int prefix(String mask) {
        if (!mask.contains(".")) {
            return Integer.parseInt(mask);
        }
        int bits = 0;
        for (String octet : mask.split("\\.")) {
            bits += Integer.bitCount(Integer.parseInt(octet));
        }
        return bits;
    }

    /** Adds the {@code nameserver} lines of a {@code resolv.conf}, in order. */
    public static void resolvConf(String text, List<String> dns) {
        for (String line : text.split("\n")) {
            String[] w = line.strip().split("\\s+");
            if (w.length >= 2 && w[0].equals("nameserver")) {
                dns.add(w[1]);
            }
        }
    }
}
