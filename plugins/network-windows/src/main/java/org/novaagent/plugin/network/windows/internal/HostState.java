/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the planner needs to know about the guest now: its computer name and its adapters.
 *
 * @param computerName the current NetBIOS computer name ({@code $env:COMPUTERNAME})
 * @param adapters     every adapter Windows lists, ours or not, in ifIndex order
 */
record HostState(String computerName, List<Adapter> adapters) {

    HostState {
        Objects.requireNonNull(computerName, "computerName");
        adapters = List.copyOf(adapters);
    }

    /**
     * @param ifIndex an interface index
     * @return the adapter with that index
     */
    Optional<Adapter> adapter(int ifIndex) {
        return adapters.stream().filter(a -> a.ifIndex() == ifIndex).findFirst();
    }
}
