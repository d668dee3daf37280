/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.novaagent.network.LocalNic;

/**
 * Which adapters are candidates for the host's NICs, by the same rule network-common applies on
 * Linux: not a Hyper-V switch, VPN TAP or loopback adapter, an Ethernet adapter, a usable MAC, and a
 * MAC no other candidate holds (a Hyper-V switch's host adapter copies the physical NIC's MAC; when
 * two candidates share one, neither is configured). Each candidate becomes a {@link LocalNic} named
 * {@code if<ifIndex>} for network-common's parser, which matches the host's entries by MAC.
 */
final class AdapterFilter {

    /**
     * The outcome.
     *
     * @param nics    candidates as the parser wants them
     * @param skipped one line per adapter left alone, saying why
     */
    record Result(List<LocalNic> nics, List<String> skipped) {
        Result {
            nics = List.copyOf(nics);
            skipped = List.copyOf(skipped);
        }
    }

    private AdapterFilter() {
    }

    /**
     * @param state the adapters now
     * @return the candidates and the skipped adapters
     */
    static Result select(HostState state) {
        List<String> skipped = new ArrayList<>();
        Map<String, List<Adapter>> byMac = new HashMap<>();
        Map<Adapter, LocalNic> nics = new java.util.LinkedHashMap<>();
        for (Adapter a : state.adapters()) {
            Optional<String> why = a.kind().skipReason();
            if (why.isPresent()) {
                skipped.add(a.display() + ": " + why.get());
                continue;
            }
            Optional<LocalNic> nic = nic(a);
            if (nic.isEmpty()) {
                skipped.add(a.display() + ": no usable MAC address");
                continue;
            }
            nics.put(a, nic.get());
            byMac.computeIfAbsent(nic.get().macKey(), k -> new ArrayList<>()).add(a);
        }
        List<LocalNic> out = new ArrayList<>();
        nics.forEach((a, nic) -> {
            if (byMac.get(nic.macKey()).size() > 1) {
                skipped.add(a.display() + ": MAC " + nic.mac() + " is held by more than one adapter");
            } else {
                out.add(nic);
            }
        });
        return new Result(out, skipped);
    }

    private static Optional<LocalNic> nic(Adapter a) {
        if (a.mac().isEmpty()) {
            return Optional.empty();
        }
        try {
            LocalNic nic = new LocalNic(a.modelName(), a.mac().get());
            return nic.macKey().equals("000000000000") ? Optional.empty() : Optional.of(nic);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
