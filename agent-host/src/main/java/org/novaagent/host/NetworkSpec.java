/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The networks nova would attach to an instance: what the host simulator turns into
 * {@code vm-data/networking/<MAC>} entries and {@code vm-data/hostname} before {@code resetnetwork}.
 * Build it in code or load it with {@link NetworkSpecReader}.
 *
 * @param hostname the instance hostname, or empty to remove {@code vm-data/hostname}
 * @param nics     the attached NICs, in order
 */
public record NetworkSpec(Optional<String> hostname, List<Nic> nics) {

    /** Validates and copies. */
    public NetworkSpec {
        Objects.requireNonNull(hostname, "hostname");
        nics = List.copyOf(nics);
    }

    /**
     * The same networks as nova writes them for a rescue boot: {@code vmops._inject_hostname}
     * prefixes the hostname with {@code RESCUE-} and does not shorten it (only Windows guests get
     * it cut to 15 characters), so a long name goes past 63 characters.
     *
     * @return this spec with {@code RESCUE-<hostname>}
     */
    public NetworkSpec inRescue() {
        return new NetworkSpec(hostname.map(h -> "RESCUE-" + h), nics);
    }

    /**
     * One VIF and its subnets. Per nova, the NIC's IPv4 gateway and broadcast come from the first
     * IPv4 address's subnet, and its IPv6 gateway from the first IPv6 address's subnet.
     *
     * @param label  network label, e.g. {@code public}
     * @param mac    MAC with colons as nova has it, e.g. {@code BC:76:4E:20:75:72}; the XenStore key
     *               is this with the colons removed
     * @param ipv4   IPv4 addresses
     * @param ipv6   IPv6 addresses
     * @param routes extra routes
     * @param dns    DNS servers (de-duplicated when written)
     */
    public record Nic(String label, String mac, List<Ip> ipv4, List<Ip> ipv6, List<RouteSpec> routes, List<String> dns) {

        /** Validates and copies. */
        public Nic {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(mac, "mac");
            if (!mac.matches("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}")) {
                throw new IllegalArgumentException("not a MAC address: " + mac);
            }
            ipv4 = List.copyOf(ipv4);
            ipv6 = List.copyOf(ipv6);
            routes = List.copyOf(routes);
            dns = List.copyOf(dns);
        }

        /** @return the {@code vm-data/networking} key: the MAC without colons, case kept */
        public String xenstoreKey() {
            return mac.replace(":", "");
        }
    }

    /**
     * An address in a subnet.
     *
     * @param address dotted quad or IPv6 text
     * @param prefix  subnet prefix length
     * @param gateway the subnet's gateway, or empty (written as JSON null)
     */
    public record Ip(String address, int prefix, Optional<String> gateway) {

        /** Validates. */
        public Ip {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(gateway, "gateway");
            if (prefix < 0 || prefix > 128) {
                throw new IllegalArgumentException("bad prefix length " + prefix + " for " + address);
            }
        }
    }

    /**
     * A static route.
     *
     * @param cidr    destination, e.g. {@code 10.176.0.0/12}
     * @param gateway next hop, or empty (JSON null)
     */
    public record RouteSpec(String cidr, Optional<String> gateway) {

        /** Validates. */
        public RouteSpec {
            Objects.requireNonNull(cidr, "cidr");
            Objects.requireNonNull(gateway, "gateway");
            if (!cidr.contains("/")) {
                throw new IllegalArgumentException("route is not in CIDR form: " + cidr);
            }
        }
    }
}
