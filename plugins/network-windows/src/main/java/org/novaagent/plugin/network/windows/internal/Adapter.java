/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.novaagent.network.IpAddress;
import org.novaagent.network.Route;
import org.novaagent.network.SafeText;

/**
 * One network adapter as Windows reports it now: the planner's input next to the host's model.
 *
 * @param ifIndex     the interface index, the only way the executor addresses an adapter (never its name)
 * @param name        the adapter's name (its connection name, e.g. {@code Ethernet 2}); free text from the
 *                    guest, only compared and quoted with {@link SafeText#quote}, never put in a script
 * @param mac         MAC in any separator form, empty when the adapter has none
 * @param kind        what it is ({@link AdapterKind#classify})
 * @param ipv4Enabled the IPv4 protocol ({@code ms_tcpip}) is bound to it
 * @param ipv6Enabled the IPv6 protocol ({@code ms_tcpip6}) is bound to it
 * @param dhcp4       IPv4 DHCP is on
 * @param up          its administrative status is up (a disabled adapter is enabled first, as the old agent did)
 * @param addresses   its manual and DHCP addresses (no link-local, no SLAAC)
 * @param gateways    next hops of its default routes ({@code 0.0.0.0/0}, {@code ::/0})
 * @param dns         its DNS servers in order, IPv4 first
 * @param routes      its persistent routes other than the default routes
 */
record Adapter(int ifIndex, String name, Optional<String> mac, AdapterKind kind, boolean ipv4Enabled,
               boolean ipv6Enabled, boolean dhcp4, boolean up, List<IpAddress> addresses, List<String> gateways,
               List<String> dns, List<Route> routes) {

    Adapter {
        if (ifIndex <= 0) {
            throw new IllegalArgumentException("interface index must be positive: " + ifIndex);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(kind, "kind");
        addresses = List.copyOf(addresses);
        gateways = List.copyOf(gateways);
        dns = List.copyOf(dns);
        routes = List.copyOf(routes);
    }

    /** @return the name the model uses for this adapter: {@code if<ifIndex>}, a valid interface name */
    String modelName() {
        return "if" + ifIndex;
    }

    /** @return the adapter for messages: {@code 'Ethernet 2' (ifIndex 12)}, the name quoted safely */
    String display() {
        return SafeText.quote(name) + " (ifIndex " + ifIndex + ")";
    }

    /**
     * @param family true for IPv6
     * @return whether that protocol is bound
     */
    boolean enabled(boolean family) {
        return family ? ipv6Enabled : ipv4Enabled;
    }
}
