/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.util.Objects;
import org.novaagent.network.internal.IpText;

/**
 * An address with its prefix length, already validated and normalised.
 *
 * @param address textual address, e.g. {@code 23.253.100.10} or {@code 2001:db8::1}
 * @param prefix  prefix length (0-32 for IPv4, 0-128 for IPv6)
 * @param ipv6    true for IPv6
 * @throws IllegalArgumentException when the address is not a literal of its family or the prefix is out of range
 */
public record IpAddress(String address, int prefix, boolean ipv6) {
    public IpAddress {
        check(address, ipv6);
        if (prefix < 0 || prefix > (ipv6 ? 128 : 32)) {
            throw new IllegalArgumentException("prefix out of range: " + prefix);
        }
    }

    /**
     * @param address an address the model is about to hold
     * @param ipv6    which family it must be
     * @throws IllegalArgumentException unless it is a literal of that family (so only hex digits, dots and colons)
     */
    static void check(String address, boolean ipv6) {
        Objects.requireNonNull(address, "address");
        boolean ok = ipv6 ? IpText.parseIpv6(address).isPresent() : IpText.parseIpv4(address).isPresent();
        if (!ok) {
            throw new IllegalArgumentException("not an IPv" + (ipv6 ? "6" : "4") + " address: " + SafeText.quote(address));
        }
    }

    /** @return {@code address/prefix} */
    public String cidr() {
        return address + "/" + prefix;
    }

    /** @return the dotted netmask for IPv4 (e.g. {@code 255.255.255.0}) */
    public String netmask() {
        if (ipv6) {
            throw new IllegalStateException("IPv6 has no dotted netmask");
        }
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return ((mask >> 24) & 255) + "." + ((mask >> 16) & 255) + "." + ((mask >> 8) & 255) + "." + (mask & 255);
    }
}
