/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.novaagent.network.HostnameRules;
import org.novaagent.network.SafeText;
import org.novaagent.network.XenStoreNetworkParser;

/**
 * The computer name from {@code vm-data/hostname}, made valid by the same {@link HostnameRules} as on
 * Linux with the NetBIOS limit of {@value #NETBIOS_MAX} characters, then cut to its first label (a
 * Windows computer name has no dots; the DNS suffix belongs to the domain settings). A name of digits
 * only is refused by Windows and left alone. Names compare case-insensitively, as Windows does (it
 * shows NetBIOS names in upper case).
 */
final class ComputerName {

    /** NetBIOS' limit for a computer name. */
    static final int NETBIOS_MAX = 15;

    /**
     * The decision.
     *
     * @param newName the name to set, when it differs from the current one
     * @param notes   adjustments and refusals the reply names
     */
    record Decision(Optional<String> newName, List<String> notes) {
        Decision {
            notes = List.copyOf(notes);
        }
    }

    private ComputerName() {
    }

    /**
     * @param raw     the value of {@code vm-data/hostname}, if present
     * @param current the current computer name
     * @return what to do
     */
    static Decision decide(Optional<String> raw, String current) {
        if (raw.isEmpty()) {
            return new Decision(Optional.empty(), List.of());
        }
        HostnameRules.Result r = HostnameRules.normalise(raw.get(), NETBIOS_MAX);
        List<String> notes = new ArrayList<>();
        Optional<String> name = r.hostname();
        List<String> adjustments = new ArrayList<>(r.adjustments());
        if (name.isPresent() && name.get().contains(".")) {
            name = Optional.of(name.get().substring(0, name.get().indexOf('.')));
            adjustments.add("cut to its first label: a Windows computer name has no dots");
        }
        if (name.isPresent() && name.get().chars().allMatch(Character::isDigit)) {
            name = Optional.empty();
            adjustments.add("digits only, which Windows refuses");
        }
        if (!adjustments.isEmpty()) {
            notes.add(XenStoreNetworkParser.HOSTNAME + " " + SafeText.quote(raw.get()) + " adjusted: "
                    + name.map(n -> "computer name '" + n + "'").orElse("computer name left unchanged")
                    + " (" + String.join("; ", adjustments) + ")");
        }
        return new Decision(name.filter(n -> !n.equalsIgnoreCase(current)), notes);
    }
}
