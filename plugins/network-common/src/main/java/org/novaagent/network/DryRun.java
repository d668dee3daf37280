/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.util.List;

/**
 * What {@code resetnetwork --dry-run} reports: the unified diff of every file that would change
 * and the commands that would run. Nothing was written or executed.
 *
 * @param diff     unified diff text, empty when nothing would change
 * @param commands argv lists in execution order (hostname command, pre-commands, apply commands)
 */
public record DryRun(String diff, List<List<String>> commands) {

    /** Copies the list. */
    public DryRun {
        commands = commands.stream().map(List::copyOf).toList();
    }

    /** @return the diff followed by one {@code # would run: ...} line per command */
    public String report() {
        StringBuilder sb = new StringBuilder(diff);
        if (diff.isEmpty()) {
            sb.append("# no file would change\n");
        }
        for (List<String> c : commands) {
            sb.append("# would run: ").append(String.join(" ", c)).append('\n');
        }
        return sb.toString();
    }
}
