/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.plugin;

import java.util.List;
import java.util.Map;
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
}
