/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.novaagent.network.IpAddress;
import org.novaagent.network.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@link AdapterQuery}'s output into a {@link HostState}. One record per line:
 * <pre>
 * HOST|computer name
 * A|ifIndex|MAC|ifType|IPv4 bound|IPv6 bound|IPv4 DHCP|admin status up|component id|description|name
 * IP|ifIndex|address|prefix length
 * GW|ifIndex|next hop of a default route
 * DNS|ifIndex|server
 * IF|ifIndex                                (every IP interface, hidden adapters' included)
 * RT|ifIndex|destination prefix|next hop|metric    (every persistent route; the metric may be missing)
 * FW|remote address,remote address,...     (the provider-data firewall rule, when it exists)
 * </pre>
 * Booleans are PowerShell's {@code True}/{@code False}. A line that does not parse is logged and
 * skipped (a guest's odd adapter must not stop the others from being configured); on-link next
 * hops ({@code 0.0.0.0}, {@code ::}) are not gateways; IPv6 zone ids are dropped.
 */
final class AdapterStateParser {

    private static final Logger LOG = LoggerFactory.getLogger(AdapterStateParser.class);
    private static final int MAX_MESSAGE = 500;

    private record Builder(int ifIndex, String name, Optional<String> mac, AdapterKind kind, boolean v4, boolean v6,
                           boolean dhcp4, boolean up, List<IpAddress> addresses, List<String> gateways, List<String> dns,
                           List<Route> routes) {
        Adapter build() {
            List<String> ordered = new ArrayList<>(dns.stream().filter(d -> !d.contains(":")).toList());
            ordered.addAll(dns.stream().filter(d -> d.contains(":")).toList());
            return new Adapter(ifIndex, name, mac, kind, v4, v6, dhcp4, up, addresses, gateways, ordered, routes);
        }
    }

    private AdapterStateParser() {
    }

    /**
     * @param stdout the query's output
     * @return the state
     * @throws IOException when the output holds no computer name or no adapter
     */
    static HostState parse(String stdout) throws IOException {
        String host = null;
        List<String> firewall = null;
        Map<Integer, Builder> adapters = new LinkedHashMap<>();
        Set<Integer> interfaces = new HashSet<>();
        List<HostState.PersistentRoute> persistent = new ArrayList<>();
        for (String line : stdout.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            try {
                switch (f[0]) {
                    case "HOST" -> host = f[1].strip();
                    case "A" -> {
                        String[] a = line.split("\\|", 11);
                        int idx = Integer.parseInt(a[1].strip());
                        String mac = a[2].strip();
                        adapters.put(idx, new Builder(idx, a[10].strip(), mac.isEmpty() ? Optional.empty() : Optional.of(mac),
                                AdapterKind.classify(Integer.parseInt(a[3].strip()), a[8].strip(), a[9].strip()),
                                bool(a[4]), bool(a[5]), bool(a[6]), bool(a[7]), new ArrayList<>(), new ArrayList<>(),
                                new ArrayList<>(), new ArrayList<>()));
                    }
                    case "IP" -> adapter(adapters, f[1]).ifPresent(b -> {
                        String ip = noZone(f[2]);
                        b.addresses().add(new IpAddress(ip, Integer.parseInt(f[3].strip()), ip.contains(":")));
                    });
                    case "GW" -> adapter(adapters, f[1]).ifPresent(b -> {
                        String hop = noZone(f[2]);
                        if (!hop.equals("0.0.0.0") && !hop.equals("::") && !b.gateways().contains(hop)) {
                            b.gateways().add(hop);
                        }
                    });
                    case "DNS" -> adapter(adapters, f[1]).ifPresent(b -> b.dns().add(noZone(f[2])));
                    case "FW" -> firewall = firewall != null ? firewall
                            : Arrays.stream(f[1].split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
                    case "IF" -> interfaces.add(Integer.parseInt(f[1].strip()));
                    case "RT" -> {
                        String hop = noZone(f[3]);
                        String[] dest = f[2].strip().split("/");
                        boolean v6 = dest[0].contains(":");
                        if (!hop.equals("0.0.0.0") && !hop.equals("::")) {
                            Route r = new Route(dest[0].toLowerCase(Locale.ROOT), Integer.parseInt(dest[1]), hop, v6);
                            int idx = Integer.parseInt(f[1].strip());
                            persistent.add(new HostState.PersistentRoute(idx, r,
                                    f.length > 4 && !f[4].isBlank() ? Integer.parseInt(f[4].strip()) : 0));
                            adapter(adapters, f[1]).filter(b -> !isDefault(r))
                                    .ifPresent(b -> b.routes().add(r));
                        }
                    }
                    default -> LOG.debug("adapter query: unknown record skipped: {}", clip(line));
                }
            } catch (RuntimeException e) {
                LOG.warn("adapter query: line skipped ({}): {}", e.getMessage(), clip(line));
            }
        }
        if (host == null || adapters.isEmpty()) {
            throw new IOException("the adapter query reported " + (host == null ? "no computer name" : "no adapter")
                    + ": " + clip(stdout.strip()));
        }
        return new HostState(host, adapters.values().stream().map(Builder::build).toList(), interfaces, persistent,
                Optional.ofNullable(firewall));
    }

    private static Optional<Builder> adapter(Map<Integer, Builder> adapters, String index) {
        return Optional.ofNullable(adapters.get(Integer.parseInt(index.strip())));
    }

    /** A default route: its adapter's gateways come from the {@code GW} records (the active store). */
    private static boolean isDefault(Route r) {
        return r.prefix() == 0;
    }

    private static boolean bool(String s) {
        return s.strip().equalsIgnoreCase("true");
    }

    private static String noZone(String address) {
        String a = address.strip().toLowerCase(Locale.ROOT);
        int zone = a.indexOf('%');
        return zone < 0 ? a : a.substring(0, zone);
    }

    /**
     * @param text output of a session
     * @return the text, printable ASCII, cut at {@value #MAX_MESSAGE} characters
     */
    static String clip(String text) {
        String safe = text.replaceAll("[^\\x20-\\x7e]+", " ");
        return safe.length() <= MAX_MESSAGE ? safe : safe.substring(0, MAX_MESSAGE) + "...";
    }
}
