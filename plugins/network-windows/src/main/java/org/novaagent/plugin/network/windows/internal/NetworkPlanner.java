/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.novaagent.network.IpAddress;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.Route;

/**
 * The pure planner: the host's model (network-common's {@link NetworkConfig}, interfaces named
 * {@code if<ifIndex>} by {@link AdapterFilter}) and the adapters' current state in, the full list of
 * changes out. Per adapter, in this order: enabled if disabled, IPv4 DHCP off, addresses removed and added, default
 * routes, DNS servers in the host's order, persistent routes, and the rename to the Cloud Network
 * label ({@link AdapterNames}); then the removal of the agent's persistent routes left by adapters that are
 * gone or no longer in the host's data; then the provider-data firewall rule ({@link ProviderFirewall}); then the
 * computer name ({@link ComputerName}). Only differences
 * become changes, so a repeat plans nothing.
 *
 * <p>A protocol that is disabled on an adapter (the old agent's {@code Element not found} when IPv6
 * was off on the public NIC) is not an error: the other family is still configured and the plan
 * notes what was skipped and why.
 */
final class NetworkPlanner {

    private NetworkPlanner() {
    }

    /**
     * @param config    the host's model, matched to adapters
     * @param state     the adapters now
     * @param filter    the adapter selection the model was matched against
     * @param computer  the computer-name decision
     * @param firewall  the provider-data firewall rule decision
     * @return the plan
     */
    static NetworkPlan plan(NetworkConfig config, HostState state, AdapterFilter.Result filter,
                            ComputerName.Decision computer, ProviderFirewall.Decision firewall) {
        List<Change> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>(config.notes());
        Set<String> taken = new HashSet<>();
        state.adapters().forEach(a -> taken.add(a.name().toLowerCase(Locale.ROOT)));
        for (NetInterface ni : config.interfaces()) {
            Adapter a = state.adapter(Integer.parseInt(ni.name().substring(2))).orElseThrow();
            planAdapter(ni, a, changes, notes);
            AdapterNames.base(ni.label()).ifPresent(base -> {
                taken.remove(a.name().toLowerCase(Locale.ROOT));
                AdapterNames.Choice choice = AdapterNames.choose(base, a.name(), taken);
                taken.add(choice.name().toLowerCase(Locale.ROOT));
                if (choice.rename()) {
                    changes.add(new Change.Rename(a.ifIndex(), choice.name(), a.name()));
                }
                choice.problem().ifPresent(p -> notes.add(a.display() + ": " + p));
            });
        }
        staleRoutes(config, state, filter, changes);
        firewall.change().ifPresent(changes::add);
        notes.addAll(firewall.notes());
        notes.addAll(computer.notes());
        return new NetworkPlan(changes, computer.newName(), filter.skipped(), notes);
    }

    /**
     * The agent's persistent routes (metric 2 default routes, metric 10 routes, as the old agent made them)
     * on an interface that is gone or on one of our adapters that the host's data no longer lists (a
     * detached Cloud Network): they can never work again and would bind to whatever adapter reuses the
     * index. The old agent deleted every persistent route and re-added the host's; we remove only these.
     * Routes with other metrics, and routes on adapters that are not ours, are left alone.
     */
    private static void staleRoutes(NetworkConfig config, HostState state, AdapterFilter.Result filter,
                                     List<Change> changes) {
        Set<Integer> modelled = new HashSet<>();
        config.interfaces().forEach(ni -> modelled.add(Integer.parseInt(ni.name().substring(2))));
        Set<Integer> ours = new HashSet<>();
        filter.nics().forEach(n -> ours.add(Integer.parseInt(n.name().substring(2))));
        for (HostState.PersistentRoute p : state.persistentRoutes()) {
            boolean gone = !state.exists(p.ifIndex());
            if (!modelled.contains(p.ifIndex()) && (gone || ours.contains(p.ifIndex())) && p.agents()) {
                changes.add(new Change.StaleRoute(p, gone, false));
            }
        }
    }

    private static void planAdapter(NetInterface ni, Adapter a, List<Change> changes, List<String> notes) {
        int idx = a.ifIndex();
        List<String> skipped4 = new ArrayList<>();
        List<String> skipped6 = new ArrayList<>();
        List<IpAddress> want = new ArrayList<>();
        for (IpAddress ip : concat(ni.ipv4(), ni.ipv6())) {
            keep(a, ip.ipv6(), want, ip, ip.cidr(), skipped4, skipped6);
        }
        if (!a.up()) {
            changes.add(new Change.Enable(idx, true));
        }
        if (!ni.ipv4().isEmpty() && a.ipv4Enabled() && a.dhcp4()) {
            changes.add(new Change.SetDhcp4(idx, false));
        }
        a.addresses().stream().filter(ip -> !want.contains(ip) && !isLinkLocal(ip))
                .forEach(ip -> changes.add(new Change.Address(idx, ip, false)));
        want.stream().filter(ip -> !a.addresses().contains(ip)).forEach(ip -> changes.add(new Change.Address(idx, ip, true)));
        List<String> gateways = new ArrayList<>();
        ni.gateway4().ifPresent(g -> keep(a, false, gateways, g, "gateway " + g, skipped4, skipped6));
        ni.gateway6().ifPresent(g -> keep(a, true, gateways, g, "gateway " + g, skipped4, skipped6));
        a.gateways().stream().filter(g -> !gateways.contains(g))
                .forEach(g -> changes.add(new Change.Gateway(idx, g, g.contains(":"), false)));
        gateways.stream().filter(g -> !a.gateways().contains(g))
                .forEach(g -> changes.add(new Change.Gateway(idx, g, g.contains(":"), true)));
        List<String> dns = new ArrayList<>();
        ni.dns().forEach(d -> keep(a, d.contains(":"), dns, d, "DNS " + d, skipped4, skipped6));
        if (!byFamily(dns).equals(byFamily(a.dns()))) {
            changes.add(new Change.Dns(idx, byFamily(dns), a.dns()));
        }
        List<Route> routes = new ArrayList<>();
        ni.routes().forEach(r -> keep(a, r.ipv6(), routes, r, "route " + r.cidr() + " via " + r.gateway(), skipped4, skipped6));
        a.routes().stream().filter(r -> !routes.contains(r)).forEach(r -> changes.add(new Change.StaticRoute(idx, r, false)));
        routes.stream().filter(r -> !a.routes().contains(r)).forEach(r -> changes.add(new Change.StaticRoute(idx, r, true)));
        note(notes, ni, "IPv4", skipped4);
        note(notes, ni, "IPv6", skipped6);
    }

    /** Adds {@code item} to {@code wanted} when its family is bound to the adapter, else names it as skipped. */
    private static <T> void keep(Adapter a, boolean ipv6, List<T> wanted, T item, String what,
                                 List<String> skipped4, List<String> skipped6) {
        if (a.enabled(ipv6)) {
            wanted.add(item);
        } else {
            (ipv6 ? skipped6 : skipped4).add(what);
        }
    }

    /** Names the adapter by what does not change when it is renamed: its network's label and its MAC. */
    private static void note(List<String> notes, NetInterface ni, String family, List<String> skipped) {
        if (!skipped.isEmpty()) {
            String which = ni.label().isEmpty() ? "the adapter" : "the " + ni.label() + " adapter";
            notes.add(family + " is disabled on " + which + " (MAC " + ni.mac() + "): not configured: "
                    + String.join(", ", skipped));
        }
    }

    /** Windows lists DNS servers per family (IPv4 first); the host's order is kept within each family. */
    private static List<String> byFamily(List<String> servers) {
        List<String> out = new ArrayList<>(servers.stream().filter(s -> !s.contains(":")).toList());
        out.addAll(servers.stream().filter(s -> s.contains(":")).toList());
        return out;
    }

    private static boolean isLinkLocal(IpAddress ip) {
        String a = ip.address().toLowerCase(Locale.ROOT);
        return ip.ipv6() ? a.startsWith("fe8") || a.startsWith("fe9") || a.startsWith("fea") || a.startsWith("feb")
                : a.startsWith("169.254.");
    }

    private static List<IpAddress> concat(List<IpAddress> a, List<IpAddress> b) {
        List<IpAddress> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
