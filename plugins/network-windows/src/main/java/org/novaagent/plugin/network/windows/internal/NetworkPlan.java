/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a resetnetwork will do on this guest: the changes in the order they are applied, and what was
 * deliberately not done (adapters left alone, a protocol disabled on an adapter, a name that was
 * adjusted or not free), each with its reason.
 *
 * @param changes      the adapter steps, grouped per adapter in ifIndex order (one PowerShell session)
 * @param computerName the new computer name, when it changes (set after the adapters, with the Win32 API)
 * @param skipped      adapters that are not ours, one line each
 * @param notes        what the reply names: skipped configuration, adjusted names
 */
record NetworkPlan(List<Change> changes, Optional<String> computerName, List<String> skipped, List<String> notes) {

    NetworkPlan {
        changes = List.copyOf(changes);
        Objects.requireNonNull(computerName, "computerName");
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }

    /** @return true when nothing needs to change */
    boolean isEmpty() {
        return changes.isEmpty() && computerName.isEmpty();
    }

    /** @return the plan as text: the changes, then {@code skip:} and {@code note:} lines (the golden form) */
    String describe() {
        List<String> lines = new ArrayList<>();
        changes.forEach(c -> lines.add(c.describe()));
        computerName.ifPresent(n -> lines.add("computer name " + n + " (SetComputerNameExW; Windows applies it at the next restart)"));
        if (isEmpty()) {
            lines.add("no change");
        }
        skipped.forEach(s -> lines.add("skip: " + s));
        notes.forEach(n -> lines.add("note: " + n));
        return String.join("\n", lines) + "\n";
    }
}
