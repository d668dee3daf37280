/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.novaagent.network.Route;

/**
 * Everything the planner needs to know about the guest now: its computer name, its adapters, the
 * IP interfaces that exist (hidden adapters included) and every persistent route.
 *
 * @param computerName     the current NetBIOS computer name ({@code $env:COMPUTERNAME})
 * @param adapters         every adapter Windows lists, ours or not, in ifIndex order
 * @param interfaces       the interface index of every IP interface Windows has, listed adapter or not
 *                         (a persistent route on an index outside both is left over from an adapter
 *                         that is gone, e.g. a detached Cloud Network)
 * @param persistentRoutes every route in the persistent store, default routes included, with its metric
 * @param firewallRule     the remote addresses of the provider-data firewall rule ({@link ProviderFirewall#RULE})
 *                         as Windows shows them, when the rule exists
 */
record HostState(String computerName, List<Adapter> adapters, Set<Integer> interfaces,
                 List<PersistentRoute> persistentRoutes, Optional<List<String>> firewallRule) {

    /**
     * One route of the persistent store ({@code Get-NetRoute -PolicyStore PersistentStore}).
     *
     * @param ifIndex the interface it is bound to, which may no longer exist
     * @param route   destination and next hop
     * @param metric  its route metric (0 when the query did not say)
     */
    record PersistentRoute(int ifIndex, Route route, int metric) {

        /** @return whether the agent (or the old agent) made it: default route metric 2, static route metric 10 */
        boolean agents() {
            return metric == (route.prefix() == 0 ? Change.GATEWAY_METRIC : Change.ROUTE_METRIC);
        }
    }

    HostState {
        Objects.requireNonNull(computerName, "computerName");
        adapters = List.copyOf(adapters);
        interfaces = Set.copyOf(interfaces);
        persistentRoutes = List.copyOf(persistentRoutes);
        firewallRule = Objects.requireNonNull(firewallRule, "firewallRule").map(List::copyOf);
    }

    /**
     * A state without the firewall rule.
     *
     * @param computerName     the computer name
     * @param adapters         the adapters
     * @param interfaces       the IP interfaces
     * @param persistentRoutes the persistent routes
     */
    HostState(String computerName, List<Adapter> adapters, Set<Integer> interfaces, List<PersistentRoute> persistentRoutes) {
        this(computerName, adapters, interfaces, persistentRoutes, Optional.empty());
    }

    /**
     * A state without interfaces or persistent routes beyond its adapters' own.
     *
     * @param computerName the computer name
     * @param adapters     the adapters
     */
    HostState(String computerName, List<Adapter> adapters) {
        this(computerName, adapters, Set.of(), List.of(), Optional.empty());
    }

    /**
     * @param ifIndex an interface index
     * @return the adapter with that index
     */
    Optional<Adapter> adapter(int ifIndex) {
        return adapters.stream().filter(a -> a.ifIndex() == ifIndex).findFirst();
    }

    /**
     * @param ifIndex an interface index
     * @return whether Windows still has that interface (a listed adapter or another IP interface)
     */
    boolean exists(int ifIndex) {
        return interfaces.contains(ifIndex) || adapter(ifIndex).isPresent();
    }
}
