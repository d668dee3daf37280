/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.util.Objects;

/**
 * A static route.
 *
 * @param network network address, e.g. {@code 10.176.0.0}
 * @param prefix  prefix length
 * @param gateway next hop
 * @param ipv6    true for an IPv6 route
 */
public record Route(String network, int prefix, String gateway, boolean ipv6) {
    public Route {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(gateway, "gateway");
    }

    /** @return {@code network/prefix} */
    public String cidr() {
        return network + "/" + prefix;
    }
}
