/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reverse parsers, for the round-trip property tests, of the two INI-like formats more than one
 * module produces: NetworkManager keyfiles (our renderer's and {@code nmcli --offline}'s
 * normalised output) and systemd-networkd {@code .network} files (networkd's renderer's and what
 * {@code netplan generate} makes of our YAML). Each reads what the format means, not our layout:
 * comments, blank lines, key order and section repeats are free.
 */
public final class ConfigReaders {

    private ConfigReaders() {
    }

    /** One {@code key=value} in its section ({@code index}: which section header, counting from 1), in file order. */
    public record Entry(String section, int index, String key, String value) {
    }

    /** @return the entries of an INI-like text ({@code #}/{@code ;} comments, {@code [Section]} headers) */
    public static List<Entry> ini(String text) {
        List<Entry> out = new ArrayList<>();
        String section = "";
        int index = 0;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1);
                index++;
                continue;
            }
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.add(new Entry(section, index, line.substring(0, eq).strip(), line.substring(eq + 1).strip()));
            }
        }
        return out;
    }

    /**
     * @param keyfile a NetworkManager keyfile
     * @param nics    where to add the interface it configures (by {@code interface-name})
     * @param dns     where to add its DNS servers, in order
     */
    public static void keyfile(String keyfile, Map<String, NetworkShape.Nic> nics, List<String> dns) {
        List<Entry> entries = ini(keyfile);
        String name = entries.stream().filter(e -> e.key().equals("interface-name")).map(Entry::value)
                .findFirst().orElseThrow(() -> new AssertionError("no interface-name in\n" + keyfile));
        NetworkShape.Nic n = nics.computeIfAbsent(name, k -> new NetworkShape.Nic());
        Map<String, String> addresses = new LinkedHashMap<>();
        for (Entry e : entries) {
            boolean v6 = e.section().equals("ipv6");
            if (e.key().equals("mac-address")) {
                n.mac(e.value());
            } else if (e.key().matches("address\\d+")) {
                String[] p = e.value().split(",");
                addresses.put(e.section() + String.format("%04d", Integer.parseInt(e.key().substring(7))), p[0]);
                if (p.length > 1) {
                    gateway(n, v6, p[1]);
                }
            } else if (e.key().equals("gateway")) {
                gateway(n, v6, e.value());
            } else if (e.key().matches("route\\d+")) {
                String[] p = e.value().split(",");
                if (p.length >= 2) {
                    n.routes.add(NetworkShape.route(p[0], p[1]));
                }
            } else if (e.key().equals("dns")) {
                for (String d : e.value().split(";")) {
                    if (!d.isBlank()) {
                        dns.add(d.strip());
                    }
                }
            }
        }
        new java.util.TreeMap<>(addresses).values().forEach(n::address);
    }

    private static void gateway(NetworkShape.Nic n, boolean v6, String g) {
        if (v6) {
            n.gateway6(g);
        } else {
            n.gateway4 = g;
        }
    }

    /**
     * @param network a systemd-networkd {@code .network} file
     * @param nics    where to add the interface it configures: by {@code [Match] Name=}, else
     *                by {@code MACAddress=}/{@code PermanentMACAddress=} through {@code macToName}
     * @param macToName the model's MAC → interface name (a file matching by MAC only names no interface)
     * @param dns     where to add its DNS servers, in order
     */
    public static void networkd(String network, Map<String, String> macToName, Map<String, NetworkShape.Nic> nics,
            List<String> dns) {
        List<Entry> entries = ini(network);
        String mac = "";
        String name = "";
        for (Entry e : entries) {
            if (e.section().equals("Match") && e.key().equals("Name")) {
                name = e.value();
            } else if (e.section().equals("Match") && e.key().endsWith("MACAddress")) {
                mac = e.value().toLowerCase(java.util.Locale.ROOT);
            }
        }
        if (name.isEmpty()) {
            name = macToName.getOrDefault(mac, "?" + mac);
        }
        NetworkShape.Nic n = nics.computeIfAbsent(name, k -> new NetworkShape.Nic());
        if (!mac.isEmpty()) {
            n.mac(mac);
        }
        Map<Integer, String[]> routes = new java.util.TreeMap<>();
        for (Entry e : entries) {
            switch (e.section() + "." + e.key()) {
                case "Network.Address", "Address.Address" -> n.address(e.value());
                case "Network.Gateway" -> gateway(n, e.value().contains(":"), e.value());
                case "Network.DNS" -> dns.add(e.value());
                case "Route.Destination" -> routes.computeIfAbsent(e.index(), k -> new String[2])[0] = e.value();
                case "Route.Gateway" -> routes.computeIfAbsent(e.index(), k -> new String[2])[1] = e.value();
                default -> {
                }
            }
        }
        for (String[] r : routes.values()) {
            String to = r[0];
            if (r[1] == null) {
                throw new AssertionError("a [Route] without Gateway in\n" + network);
            }
            if (to == null || to.equals("0.0.0.0/0") || to.equals("::/0")) {
                gateway(n, r[1].contains(":"), r[1]);
            } else {
                n.routes.add(NetworkShape.route(to, r[1]));
            }
        }
    }

}
