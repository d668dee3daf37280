/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.doctor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every check of {@code agent doctor} in order; a check that throws becomes a failure that
 * names it, so one broken check never hides the others.
 */
public final class Doctor {

    private final Map<String, DoctorCheck> checks;

    /** @param checks the checks by name, in the order they run */
    public Doctor(Map<String, DoctorCheck> checks) {
        this.checks = new LinkedHashMap<>(checks);
    }

    /** @return every check support would make, in the order an operator reads them */
    public static Doctor standard() {
        Map<String, DoctorCheck> all = new LinkedHashMap<>();
        all.put("xenstore", new XenStoreCheck());
        all.put("service", new ServiceCheck());
        all.put("handlers", new HandlerCheck());
        all.put(HandlerHealthChecks.NAME, new HandlerHealthChecks()); // e.g. resetnetwork: other tools' network files
        all.put("trust", new TrustCheck());
        all.put("host", new HostCheck());
        all.put("requests", new LastRequestsCheck());
        return new Doctor(all);
    }

    /**
     * @param ctx what to look at
     * @return every finding, in check order
     */
    public List<Finding> run(DoctorContext ctx) {
        List<Finding> out = new ArrayList<>();
        checks.forEach((name, check) -> {
            try {
                out.addAll(check.run(ctx));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.add(Finding.fail(name, "interrupted", "run agent doctor again"));
            } catch (Exception | LinkageError e) {
                out.add(Finding.fail(name, "the check itself failed: " + e, "report this with the output of agent doctor --json"));
            }
        });
        return out;
    }

    /** @return true when no finding is a failure */
    public static boolean healthy(List<Finding> findings) {
        return findings.stream().noneMatch(f -> f.level() == Finding.Level.FAIL);
    }
}
