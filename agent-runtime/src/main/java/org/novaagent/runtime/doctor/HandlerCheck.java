/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.novaagent.runtime.plugin.SelectionRow;
import org.novaagent.runtime.plugin.SelectionRow.Status;

/**
 * Which handler serves each command and why the others do not (the selection
 * {@code plugins list} shows, one line per command). A command the host sends on every boot
 * ({@code keyinit}, {@code password}, {@code resetnetwork}) with no handler routed here is a
 * failure; another command with handlers none of which applies is a warning; a tie or an invalid
 * handler is a failure.
 */
final class HandlerCheck implements DoctorCheck {

    private static final String NAME = "handlers";
    /** What nova sends to every new server. */
    static final Set<String> ESSENTIAL = Set.of("keyinit", "password", "resetnetwork");

    @Override
    public List<Finding> run(DoctorContext ctx) {
        Map<String, List<SelectionRow>> byCommand = new TreeMap<>();
        for (String c : ESSENTIAL) {
            byCommand.put(c, new ArrayList<>());
        }
        List<Finding> out = new ArrayList<>();
        for (SelectionRow r : ctx.agent().rows()) {
            if (r.status() == Status.INVALID) {
                out.add(Finding.fail(NAME, "invalid handler " + r.module() + " [" + r.origin() + "]: " + r.detail(),
                        "remove or fix the plugin " + r.origin()));
            } else {
                byCommand.computeIfAbsent(r.command(), k -> new ArrayList<>()).add(r);
            }
        }
        byCommand.forEach((command, rows) -> {
            SelectionRow selected = rows.stream().filter(r -> r.status() == Status.SELECTED).findFirst().orElse(null);
            List<String> others = rows.stream().filter(r -> r != selected)
                    .map(r -> r.module() + " (" + r.detail() + ")").toList();
            if (selected != null) {
                out.add(Finding.ok(NAME, command + ": " + selected.module() + " " + selected.version()
                        + (others.isEmpty() ? "" : "; not used: " + String.join(", ", others))));
            } else if (rows.stream().anyMatch(r -> r.status() == Status.TIE)) {
                out.add(Finding.fail(NAME, command + ": tie, not routed: " + String.join(", ", others),
                        "remove one of the tied plugins, or give one a higher priority"));
            } else if (rows.isEmpty()) {
                out.add(Finding.fail(NAME, command + ": no handler installed (the host sends it to every new server)",
                        "install this distribution's nova-agent package (its plugin set)"));
            } else if (ESSENTIAL.contains(command)) {
                out.add(Finding.fail(NAME, command + ": no applicable handler: " + String.join(", ", others),
                        "make one applicable as its reason says (e.g. install ifupdown or netplan.io), or install the plugin for this distribution"));
            } else {
                out.add(Finding.warn(NAME, command + ": no applicable handler: " + String.join(", ", others),
                        "nothing to do if this server does not need " + command));
            }
        });
        return out;
    }
}
