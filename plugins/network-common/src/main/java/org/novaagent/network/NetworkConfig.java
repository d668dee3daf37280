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
 * @param hostname   the hostname to set, made valid from {@code vm-data/hostname} by {@link HostnameRules};
 *                   empty when there is none (or nothing usable was left)
 * @param notes      adjustments made to the host's data that the reply names (e.g. the hostname's); never null
 * @throws IllegalArgumentException when the hostname is not {@link HostnameRules#isValid valid}
 */
public record NetworkConfig(List<NetInterface> interfaces, Optional<String> hostname, List<String> notes) {
    public NetworkConfig {
        interfaces = List.copyOf(interfaces);
        Objects.requireNonNull(hostname, "hostname");
        hostname.ifPresent(h -> {
            if (!HostnameRules.isValid(h)) {
                throw new IllegalArgumentException("not a valid hostname: " + SafeText.quote(h));
            }
        });
        notes = List.copyOf(notes);
    }

    /**
     * A configuration with no notes.
     *
     * @param interfaces matched interfaces
     * @param hostname   a valid hostname, if any
     */
    public NetworkConfig(List<NetInterface> interfaces, Optional<String> hostname) {
        this(interfaces, hostname, List.of());
    }
}
