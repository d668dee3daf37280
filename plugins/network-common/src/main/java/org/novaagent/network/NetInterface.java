/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.novaagent.network.internal.IpText;

/**
 * One NIC as the host describes it, matched to a local kernel interface.
 *
 * @param name      kernel interface name, e.g. {@code eth0} ({@link SafeText#isInterfaceName}), or empty
 *                  while the parser has not matched the entry to a NIC yet
 * @param mac       MAC in lower case with colons, e.g. {@code bc:76:4e:20:75:72}
 * @param label     network label from nova, e.g. {@code public}; may be empty. Reduced on construction
 *                  by {@link SafeText#label} (tenants choose labels; renderers write them as comments)
 * @param xenstoreKey the {@code vm-data/networking} key this came from
 * @param ipv4      IPv4 addresses (only enabled ones), first is primary
 * @param ipv6      IPv6 addresses (only enabled ones), first is primary
 * @param gateway4  IPv4 default gateway
 * @param gateway6  IPv6 default gateway ({@code gateway_v6}, else {@code ip6s[0].gateway})
 * @param routes    extra static routes
 * @param dns       DNS servers in the host's order, de-duplicated
 * @throws IllegalArgumentException when a name, MAC, XenStore key or DNS server could inject text into a
 *         rendered file: the model holds nothing a renderer would have to escape (issue #19)
 */
public record NetInterface(String name, String mac, String label, String xenstoreKey,
                           List<IpAddress> ipv4, List<IpAddress> ipv6,
                           Optional<String> gateway4, Optional<String> gateway6,
                           List<Route> routes, List<String> dns) {

    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");

    public NetInterface {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(xenstoreKey, "xenstoreKey");
        if (!name.isEmpty() && !SafeText.isInterfaceName(name)) {
            throw new IllegalArgumentException("not a usable interface name: " + SafeText.quote(name));
        }
        if (!MAC.matcher(mac).matches()) {
            throw new IllegalArgumentException("MAC not in lower-case colon form: " + SafeText.quote(mac));
        }
        if (!XenStoreNetworkParser.isKeyName(xenstoreKey)) {
            throw new IllegalArgumentException("not a XenStore key name: " + SafeText.quote(xenstoreKey));
        }
        label = SafeText.label(label);
        ipv4 = List.copyOf(ipv4);
        ipv6 = List.copyOf(ipv6);
        Objects.requireNonNull(gateway4, "gateway4");
        Objects.requireNonNull(gateway6, "gateway6");
        routes = List.copyOf(routes);
        dns = List.copyOf(dns);
        for (String d : dns) {
            if (IpText.canonical(d).isEmpty()) {
                throw new IllegalArgumentException("not an IP address: " + SafeText.quote(d));
            }
        }
        gateway4.ifPresent(g -> IpAddress.check(g, false));
        gateway6.ifPresent(g -> IpAddress.check(g, true));
    }
}
