/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes written NetworkManager keyfiles take effect for the changed interfaces only:
 * {@code nmcli connection reload} (picks up new, changed and removed files), then
 * {@code nmcli connection up uuid <uuid>} per NIC whose keyfile changed or whose other profiles
 * were taken over. Shared by the RHEL and SUSE plugins.
 */
public final class NmKeyfileApplier implements Applier {

    /** Creates the applier (stateless). */
    public NmKeyfileApplier() {
    }

    @Override
    public List<List<String>> commands(ApplyPlan plan) {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of("nmcli", "connection", "reload"));
        for (NetInterface nic : changed(plan)) {
            out.add(List.of("nmcli", "connection", "up", "uuid", NmKeyfiles.uuid(nic.mac())));
        }
        return out;
    }

    /**
     * @param plan the apply plan
     * @return configured interfaces whose keyfile changed or whose other profiles were taken over, in config order
     */
    public static List<NetInterface> changed(ApplyPlan plan) {
        Set<String> names = new LinkedHashSet<>(plan.takenOver());
        for (FileChange c : plan.changes()) {
            String path = c.path();
            if (c.changesConfig() && path.startsWith(NmKeyfiles.CONNECTIONS + "nova-") && path.endsWith(".nmconnection")) {
                names.add(path.substring((NmKeyfiles.CONNECTIONS + "nova-").length(), path.length() - ".nmconnection".length()));
            }
        }
        return plan.config().interfaces().stream().filter(nic -> names.contains(nic.name())).toList();
    }
}
