/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.networkd.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.novaagent.network.Applier;
import org.novaagent.network.ApplyPlan;
import org.novaagent.network.FileChange;

/**
 * Makes networkd take the new files: {@code networkctl reload} (re-reads every {@code .network}
 * file; a link whose file was removed becomes unmanaged), then {@code networkctl reconfigure}
 * for the NICs whose file changed, so the others keep their connections. Both exist since
 * systemd 244 (Arch, Debian 11+, Fedora 32+).
 */
final class NetworkdApplier implements Applier {

    @Override
    public List<List<String>> commands(ApplyPlan plan) {
        Set<String> changed = new LinkedHashSet<>(plan.takenOver());
        for (FileChange change : plan.changes()) {
            if (change.changesConfig() && change.kind() != FileChange.Kind.DELETE) {
                NetworkdRenderer.interfaceOf(change.path()).ifPresent(changed::add);
            }
        }
        boolean removed = plan.removedPaths().stream().anyMatch(p -> NetworkdRenderer.interfaceOf(p).isPresent());
        List<List<String>> out = new ArrayList<>();
        if (changed.isEmpty() && !removed) {
            return out;
        }
        out.add(List.of("networkctl", "reload"));
        List<String> ordered = new ArrayList<>();
        for (String ifname : plan.interfaceNames()) {
            if (changed.contains(ifname)) {
                ordered.add(ifname);
            }
        }
        if (!ordered.isEmpty()) {
            List<String> reconfigure = new ArrayList<>(List.of("networkctl", "reconfigure"));
            reconfigure.addAll(ordered);
            out.add(reconfigure);
        }
        return out;
    }
}
