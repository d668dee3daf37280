/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.doctor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.novaagent.api.support.RefusedPathException;
import org.novaagent.runtime.history.HistoryEntry;
import org.novaagent.runtime.history.RequestHistory;
import org.novaagent.runtime.route.NovaAcceptance;

/**
 * The last request of each command and how it ended (from {@link RequestHistory}): ok when nova
 * counted it as a success, a warning naming the reply otherwise.
 */
final class LastRequestsCheck implements DoctorCheck {

    private static final String NAME = "requests";

    @Override
    public List<Finding> run(DoctorContext ctx) throws IOException {
        RequestHistory history = RequestHistory.forHost(ctx.root(), ctx.agent().hostFacts());
        Map<String, HistoryEntry> last = new TreeMap<>();
        try {
            for (HistoryEntry e : history.last(RequestHistory.DEFAULT_LIMIT)) {
                last.put(e.command(), e);
            }
        } catch (RefusedPathException e) { // a state directory the agent will not use: the host check says why
            return List.of(Finding.warn(NAME, "the request history is not read: " + e.getMessage(),
                    "fix the state directory as the host check says; the agent writes no history there until then"));
        }
        if (last.isEmpty()) {
            return List.of(Finding.ok(NAME, "no request answered yet (" + history.file() + ")"));
        }
        List<Finding> out = new ArrayList<>();
        last.forEach((command, e) -> {
            String text = command + " at " + e.time() + ": " + e.returnCode() + " in " + e.millis() + " ms"
                    + (e.message().isEmpty() ? "" : " (" + e.message() + ")");
            if (NovaAcceptance.novaAccepts(command, e.returnCode())) {
                out.add(Finding.ok(NAME, text));
            } else {
                out.add(Finding.warn(NAME, text, "see the agent log around that time: journalctl -u nova-agent"
                        + " (agent status lists the recent requests)"));
            }
        });
        return out;
    }
}
