/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.novaagent.network.IpAddress;
import org.novaagent.network.Route;

/**
 * Applies changes to a {@link HostState} as Windows would, refusing what Windows refuses (adding an
 * address, route or gateway that exists, removing one that does not, touching an adapter that is
 * not there), so a plan that only works on paper fails here. Used to chain a scenario's before and
 * after states and to prove that re-planning an applied plan plans nothing.
 */
final class StateSimulator {

    private StateSimulator() {
    }

    static HostState apply(HostState state, NetworkPlan plan) {
        HostState s = apply(state, plan.changes());
        return plan.computerName().map(n -> new HostState(n, s.adapters(), s.interfaces(), s.persistentRoutes(), s.firewallRule())).orElse(s);
    }

    static HostState apply(HostState state, List<Change> changes) {
        HostState s = state;
        for (Change c : changes) {
            s = apply(s, c);
        }
        return s;
    }

    private static HostState apply(HostState s, Change c) {
        if (c instanceof Change.SetDhcp4 d) {
            return edit(s, d.ifIndex(), a -> copy(a, a.name(), d.enabled(), a.addresses(), a.gateways(), a.dns(), a.routes()));
        }
        if (c instanceof Change.Enable e) {
            return edit(s, e.ifIndex(), a -> {
                if (a.up() == e.up()) {
                    throw new IllegalStateException("the adapter is already " + (e.up() ? "enabled" : "disabled"));
                }
                return new Adapter(a.ifIndex(), a.name(), a.mac(), a.kind(), a.ipv4Enabled(), a.ipv6Enabled(), a.dhcp4(),
                        e.up(), a.addresses(), a.gateways(), a.dns(), a.routes());
            });
        }
        if (c instanceof Change.Address ad) {
            return edit(s, ad.ifIndex(), a -> copy(a, a.name(), a.dhcp4(), toggle(a.addresses(), ad.address(), ad.add(), c),
                    a.gateways(), a.dns(), a.routes()));
        }
        if (c instanceof Change.Gateway g) {
            Route dflt = new Route(g.ipv6() ? "::" : "0.0.0.0", 0, g.gateway(), g.ipv6());
            return persist(edit(s, g.ifIndex(), a -> copy(a, a.name(), a.dhcp4(), a.addresses(),
                    toggle(a.gateways(), g.gateway(), g.add(), c), a.dns(), a.routes())),
                    new HostState.PersistentRoute(g.ifIndex(), dflt, Change.GATEWAY_METRIC), g.add());
        }
        if (c instanceof Change.StaticRoute r) {
            return persist(edit(s, r.ifIndex(), a -> copy(a, a.name(), a.dhcp4(), a.addresses(), a.gateways(), a.dns(),
                    toggle(a.routes(), r.route(), r.add(), c))),
                    new HostState.PersistentRoute(r.ifIndex(), r.route(), Change.ROUTE_METRIC), r.add());
        }
        if (c instanceof Change.StaleRoute st) {
            List<HostState.PersistentRoute> routes = toggle(s.persistentRoutes(), st.persistent(), st.add(), c);
            HostState t = new HostState(s.computerName(), s.adapters(), s.interfaces(), routes, s.firewallRule());
            Route r = st.persistent().route();
            if (s.adapter(st.ifIndex()).isEmpty() || r.prefix() == 0) {
                return t;
            }
            return edit(t, st.ifIndex(), a -> copy(a, a.name(), a.dhcp4(), a.addresses(), a.gateways(), a.dns(),
                    toggle(a.routes(), r, st.add(), c)));
        }
        if (c instanceof Change.Dns d) {
            return edit(s, d.ifIndex(), a -> copy(a, a.name(), a.dhcp4(), a.addresses(), a.gateways(), d.servers(), a.routes()));
        }
        if (c instanceof Change.FirewallRule fw) {
            if (s.firewallRule().isPresent() == fw.previous().isEmpty()) {
                throw new IllegalStateException("Windows refuses " + c.describe() + ": the rule "
                        + (fw.previous().isEmpty() ? "exists" : "does not exist"));
            }
            return new HostState(s.computerName(), s.adapters(), s.interfaces(), s.persistentRoutes(),
                    fw.addresses().isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(fw.addresses()));
        }
        Change.Rename r = (Change.Rename) c;
        boolean clash = s.adapters().stream().anyMatch(o -> o.ifIndex() != r.ifIndex() && o.name().equalsIgnoreCase(r.name()));
        if (clash) {
            throw new IllegalStateException("Windows refuses " + c.describe() + ": the name is taken");
        }
        return edit(s, r.ifIndex(), a -> copy(a, r.name(), a.dhcp4(), a.addresses(), a.gateways(), a.dns(), a.routes()));
    }

    private static <T> List<T> toggle(List<T> list, T item, boolean add, Change c) {
        if (list.contains(item) == add) {
            throw new IllegalStateException("Windows refuses " + c.describe() + ": " + (add ? "exists" : "not found"));
        }
        List<T> out = new ArrayList<>(list);
        if (add) {
            out.add(item);
        } else {
            out.remove(item);
        }
        return out;
    }

    private static HostState edit(HostState s, int ifIndex, UnaryOperator<Adapter> f) {
        if (s.adapter(ifIndex).isEmpty()) {
            throw new IllegalStateException("no adapter with ifIndex " + ifIndex);
        }
        return new HostState(s.computerName(), s.adapters().stream().map(a -> a.ifIndex() == ifIndex ? f.apply(a) : a).toList(),
                s.interfaces(), s.persistentRoutes(), s.firewallRule());
    }

    /** The persistent store follows New-NetRoute/Remove-NetRoute (both stores by default); any metric is removed. */
    private static HostState persist(HostState s, HostState.PersistentRoute p, boolean add) {
        List<HostState.PersistentRoute> routes = new ArrayList<>(s.persistentRoutes());
        routes.removeIf(q -> q.ifIndex() == p.ifIndex() && q.route().equals(p.route()));
        if (add) {
            routes.add(p);
        }
        return new HostState(s.computerName(), s.adapters(), s.interfaces(), routes, s.firewallRule());
    }

    static Adapter copy(Adapter a, String name, boolean dhcp4, List<IpAddress> addresses, List<String> gateways,
                        List<String> dns, List<Route> routes) {
        return new Adapter(a.ifIndex(), name, a.mac(), a.kind(), a.ipv4Enabled(), a.ipv6Enabled(), dhcp4, a.up(), addresses,
                gateways, dns, routes);
    }
}
