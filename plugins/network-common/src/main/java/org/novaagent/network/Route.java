/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;


/**
 * A static route.
 *
 * @param network network address, e.g. {@code 10.176.0.0}
 * @param prefix  prefix length
 * @param gateway next hop
 * @param ipv6    true for an IPv6 route
 * @throws IllegalArgumentException when an address is not a literal of the family or the prefix is out of range
 */
public record Route(String network, int prefix, String gateway, boolean ipv6) {
    public Route {
        IpAddress.check(network, ipv6);
        IpAddress.check(gateway, ipv6);
        if (prefix < 0 || prefix > (ipv6 ? 128 : 32)) {
            throw new IllegalArgumentException("prefix out of range: " + prefix);
        }
    }

    /** @return {@code network/prefix} */
    public String cidr() {
        return network + "/" + prefix;
    }
}
