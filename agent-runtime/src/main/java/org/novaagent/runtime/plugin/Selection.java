/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.plugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.novaagent.api.CommandHandler;

/**
 * The outcome of {@link HandlerSelector}: the routable handler per command, one row per
 * handler for {@code plugins list}, and the problems to report (ties, nothing applicable,
 * invalid handlers).
 *
 * @param selected command name to the handler serving it
 * @param rows     one row per discovered handler, sorted by command then priority (highest first)
 * @param problems human-readable problems, empty when everything is clear
 */
public record Selection(Map<String, CommandHandler> selected, List<SelectionRow> rows, List<String> problems) {

    /** Copies the collections. */
    public Selection {
        selected = Map.copyOf(selected);
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /**
     * Why a command that has handlers is not routed here, for the 404 reply: each handler by its
     * short module name (the last segment, {@code debian} for {@code org.novaagent.plugin.network.debian})
     * with its reason, e.g. {@code debian (ifup not found), netplan (no etc/netplan directory)}.
     *
     * @return command name to the reasons, only for commands with no selected handler
     */
    public Map<String, String> unroutableReasons() {
        Map<String, List<String>> byCommand = new TreeMap<>();
        for (SelectionRow r : rows) {
            if (!r.command().isBlank() && !selected.containsKey(r.command())) {
                List<String> reasons = byCommand.get(r.command());
                if (reasons == null) {
                    reasons = new ArrayList<>();
                    byCommand.put(r.command(), reasons);
                }
                reasons.add(shortName(r.module()) + " (" + reason(r.detail()) + ")");
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : byCommand.entrySet()) {
            out.put(e.getKey(), String.join(", ", e.getValue()));
        }
        return out;
    }

    private static String shortName(String module) {
        int dot = module.lastIndexOf('.');
        return dot < 0 ? module : module.substring(dot + 1);
    }

    private static String reason(String detail) {
        String prefix = "not applicable: ";
        return detail.startsWith(prefix) ? detail.substring(prefix.length()) : detail;
    }
}
