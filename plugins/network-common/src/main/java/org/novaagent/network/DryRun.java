/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.util.List;

/**
 * What {@code resetnetwork --dry-run} reports: the unified diff of every file that would change
 * and the commands that would run. Nothing was written or executed.
 *
 * @param diff     unified diff text, empty when nothing would change
 * @param commands argv lists in execution order (hostname command, pre-commands, apply commands)
 * @param notes    adjustments made to the host's data, as the reply would name them (e.g. the hostname's)
 */
public record DryRun(String diff, List<List<String>> commands, List<String> notes) {

    /** Copies the lists. */
    public DryRun {
        commands = commands.stream().map(List::copyOf).toList();
        notes = List.copyOf(notes);
    }

    /**
     * A dry run with no notes.
     *
     * @param diff     unified diff text
     * @param commands argv lists in execution order
     */
    public DryRun(String diff, List<List<String>> commands) {
        this(diff, commands, List.of());
    }

    /** @return one {@code # note: ...} line per note, the diff, then one {@code # would run: ...} line per command */
    public String report() {
        StringBuilder sb = new StringBuilder();
        notes.forEach(n -> sb.append("# note: ").append(n).append('\n'));
        sb.append(diff);
        if (diff.isEmpty()) {
            sb.append("# no file would change\n");
        }
        for (List<String> c : commands) {
            sb.append("# would run: ").append(String.join(" ", c)).append('\n');
        }
        return sb.toString();
    }
}
