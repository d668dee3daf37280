/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.suse.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.novaagent.network.Applier;
import org.novaagent.network.ApplyPlan;
import org.novaagent.network.FileChange;

/**
 * Makes wicked take the new files: {@code wicked ifdown <if>} for a NIC whose ifcfg file was
 * removed, {@code wicked ifreload <ifs>} for the NICs whose ifcfg or ifroute file changed (it
 * re-reads their configuration and applies the difference), and {@code netconfig update -f} when
 * the DNS servers changed, so resolv.conf follows.
 */
final class WickedApplier implements Applier {

    @Override
    public List<List<String>> commands(ApplyPlan plan) {
        Set<String> changed = new LinkedHashSet<>();
        Set<String> removed = new LinkedHashSet<>();
        boolean dns = false;
        for (FileChange change : plan.changes()) {
            if (!change.changesConfig()) {
                continue;
            }
            String name = change.path().substring(change.path().lastIndexOf('/') + 1);
            if (change.path().equals(WickedRenderer.CONFIG)) {
                dns = true;
            } else if (name.startsWith("ifcfg-") || name.startsWith("ifroute-")) {
                String ifname = name.substring(name.indexOf('-') + 1);
                if (change.kind() == FileChange.Kind.DELETE && name.startsWith("ifcfg-")) {
                    removed.add(ifname);
                } else {
                    changed.add(ifname);
                }
            }
        }
        List<List<String>> out = new ArrayList<>();
        for (String ifname : removed) {
            out.add(List.of("wicked", "ifdown", ifname));
            changed.remove(ifname);
        }
        List<String> reload = new ArrayList<>(List.of("wicked", "ifreload"));
        for (String ifname : plan.interfaceNames()) {
            if (changed.contains(ifname)) {
                reload.add(ifname);
            }
        }
        if (reload.size() > 2) {
            out.add(reload);
        }
        if (dns) {
            out.add(List.of("netconfig", "update", "-f"));
        }
        return out;
    }
}
