/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the host asked for: the interfaces matched to local NICs (in a stable order: by kernel
 * name) and the hostname. Built by the parser; consumed by the pure renderers.
 *
 * @param interfaces matched interfaces; never null
 * @param hostname   the hostname from {@code vm-data/hostname}, if any
 */
public record NetworkConfig(List<NetInterface> interfaces, Optional<String> hostname) {
    public NetworkConfig {
        interfaces = List.copyOf(interfaces);
        Objects.requireNonNull(hostname, "hostname");
    }
}
