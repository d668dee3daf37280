/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.novaagent.api.ProcessResult;
import org.novaagent.api.ProcessRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one executor: applies a plan in one PowerShell session and, when a step fails, undoes the
 * steps that were applied, newest first, in a second session (the previous addresses, gateways,
 * DNS servers, routes and names come back; a step whose undo cannot be written, such as a previous
 * adapter name outside ASCII, is named instead).
 */
final class PlanExecutor {

    /** Applying takes seconds; leave room within the request's two minutes for the undo. */
    static final Duration APPLY_TIMEOUT = Duration.ofSeconds(50);
    static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(40);

    private static final Logger LOG = LoggerFactory.getLogger(PlanExecutor.class);

    /**
     * The outcome.
     *
     * @param executed false when the runner only logged the session (a root that is not the live system)
     * @param failure  why applying failed, with what the restore did; empty on success
     */
    record Outcome(boolean executed, Optional<String> failure) {
        boolean succeeded() {
            return failure.isEmpty();
        }
    }

    private PlanExecutor() {
    }

    /**
     * @param runner the context's runner
     * @param plan   the plan; must not be empty
     * @return the outcome
     * @throws InterruptedException the request was cancelled
     */
    static Outcome apply(ProcessRunner runner, NetworkPlan plan) throws InterruptedException {
        List<Change> changes = plan.changes();
        ProcessResult r;
        try {
            r = PowerShell.run(runner, PowerShellScript.of(changes), APPLY_TIMEOUT);
        } catch (IOException e) {
            return new Outcome(true, Optional.of("cannot start PowerShell: " + e.getMessage()));
        }
        if (!r.executed()) {
            return new Outcome(false, Optional.empty());
        }
        PowerShellScript.Progress p = PowerShellScript.read(r.stdout(), changes);
        if (r.succeeded() && p.applied() == changes.size()) {
            return new Outcome(true, Optional.empty());
        }
        String why = p.failure().orElse("PowerShell exit " + r.exitCode() + " after " + p.applied() + " of "
                + changes.size() + " steps: " + AdapterStateParser.clip((r.stderr().strip() + " " + r.stdout().strip()).strip()));
        LOG.warn("resetnetwork on Windows failed: {}", why);
        return new Outcome(true, Optional.of(why + "; " + restore(runner, changes.subList(0, p.applied()))));
    }

    /** Undoes the applied steps, newest first; returns what it did, for the reply. */
    private static String restore(ProcessRunner runner, List<Change> applied) throws InterruptedException {
        if (applied.isEmpty()) {
            return "nothing had been changed";
        }
        List<Change> undo = new ArrayList<>();
        List<String> impossible = new ArrayList<>();
        for (int i = applied.size() - 1; i >= 0; i--) {
            Change inverse = applied.get(i).inverse();
            try {
                inverse.statement();
                undo.add(inverse);
            } catch (IllegalArgumentException e) {
                impossible.add(applied.get(i).describe());
            }
        }
        String cannot = impossible.isEmpty() ? "" : "; cannot be undone: " + String.join(", ", impossible);
        if (undo.isEmpty()) {
            return "previous state not restored" + cannot;
        }
        try {
            ProcessResult r = PowerShell.run(runner, PowerShellScript.of(undo), RESTORE_TIMEOUT);
            PowerShellScript.Progress p = PowerShellScript.read(r.stdout(), undo);
            if (r.succeeded() && p.applied() == undo.size()) {
                LOG.info("resetnetwork on Windows: previous state restored ({} steps)", undo.size());
                return "previous state restored (" + undo.size() + " steps undone)" + cannot;
            }
            return "restoring the previous state failed after " + p.applied() + " of " + undo.size() + " steps: "
                    + p.failure().orElse("PowerShell exit " + r.exitCode()) + cannot;
        } catch (IOException e) {
            return "restoring the previous state failed: " + e.getMessage() + cannot;
        }
    }
}
