/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One NIC as the host describes it, matched to a local kernel interface.
 *
 * @param name      kernel interface name, e.g. {@code eth0}
 * @param mac       MAC in lower case with colons, e.g. {@code bc:76:4e:20:75:72}
 * @param label     network label from nova, e.g. {@code public}; may be empty
 * @param xenstoreKey the {@code vm-data/networking} key this came from
 * @param ipv4      IPv4 addresses (only enabled ones), first is primary
 * @param ipv6      IPv6 addresses (only enabled ones), first is primary
 * @param gateway4  IPv4 default gateway
 * @param gateway6  IPv6 default gateway ({@code gateway_v6}, else {@code ip6s[0].gateway})
 * @param routes    extra static routes
 * @param dns       DNS servers in the host's order, de-duplicated
 */
public record NetInterface(String name, String mac, String label, String xenstoreKey,
                           List<IpAddress> ipv4, List<IpAddress> ipv6,
                           Optional<String> gateway4, Optional<String> gateway6,
                           List<Route> routes, List<String> dns) {
    public NetInterface {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(xenstoreKey, "xenstoreKey");
        ipv4 = List.copyOf(ipv4);
        ipv6 = List.copyOf(ipv6);
        Objects.requireNonNull(gateway4, "gateway4");
        Objects.requireNonNull(gateway6, "gateway6");
        routes = List.copyOf(routes);
        dns = List.copyOf(dns);
    }
}
