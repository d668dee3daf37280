/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.novaagent.api.Applicability;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.HostFacts;
import org.novaagent.runtime.plugin.SelectionRow.Status;

/**
 * Chooses, per command name, the applicable handler with the highest priority (cloud-init's
 * {@code renderers.select}). A tie at the top routes none of the tied handlers and nothing
 * applicable routes nothing; both are reported, never guessed. Plain loops, no streams or lambdas:
 * this runs on every start on the way to the first reply (issue #14).
 */
public final class HandlerSelector {

    /** How a "no handler of this command applies here" problem begins. */
    public static final String NOTHING_APPLICABLE = "no applicable handler for command ";

    private final HandlerValidator validator = new HandlerValidator();

    /** A handler with the facts selection needs, computed once; ordered highest priority first. */
    private record Candidate(DiscoveredHandler found, String name, int priority, Applicability verdict)
            implements Comparable<Candidate> {
        String module() {
            return moduleName(found.handler());
        }

        @Override
        public int compareTo(Candidate other) {
            return Integer.compare(other.priority, priority);
        }
    }

    /**
     * @param handlers every discovered handler with its origin
     * @param facts    the target host's facts
     * @return the selection
     */
    public Selection select(List<DiscoveredHandler> handlers, HostFacts facts) {
        List<SelectionRow> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, List<Candidate>> byName = new TreeMap<>();
        for (DiscoveredHandler d : handlers) {
            var problem = validator.problem(d.handler());
            if (problem.isPresent()) {
                problems.add("invalid handler " + d.handler().getClass().getName() + " (" + d.origin() + "): "
                        + problem.get());
                rows.add(row(d, "", 0, Status.INVALID, "invalid: " + problem.get()));
                continue;
            }
            CommandHandler h = d.handler();
            List<Candidate> named = byName.get(h.name());
            if (named == null) {
                named = new ArrayList<>();
                byName.put(h.name(), named);
            }
            named.add(new Candidate(d, h.name(), validator.priority(h), validator.applicability(h, facts)));
        }
        Map<String, CommandHandler> selected = new TreeMap<>();
        for (var entry : byName.entrySet()) {
            String name = entry.getKey();
            List<Candidate> all = new ArrayList<>(entry.getValue());
            all.sort(null); // stable: equal priorities keep their discovery order
            List<Candidate> applicable = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            for (Candidate c : all) {
                if (c.verdict.applicable()) {
                    applicable.add(c);
                }
                reasons.add(c.module() + " (" + c.verdict.reason() + ")");
            }
            if (applicable.isEmpty()) {
                problems.add(NOTHING_APPLICABLE + "'" + name + "': " + String.join(", ", reasons));
            }
            int top = applicable.isEmpty() ? Integer.MIN_VALUE : applicable.get(0).priority;
            List<Candidate> tied = new ArrayList<>();
            List<String> tiedOrigins = new ArrayList<>();
            for (Candidate c : applicable) {
                if (c.priority == top) {
                    tied.add(c);
                    tiedOrigins.add(c.module() + " (" + c.found.origin() + ")");
                }
            }
            if (tied.size() > 1) {
                problems.add("command '" + name + "' is not routed: " + tied.size() + " applicable handlers tie at priority "
                        + top + ": " + String.join(", ", tiedOrigins));
            } else if (tied.size() == 1) {
                selected.put(name, tied.get(0).found.handler());
            }
            for (Candidate c : all) {
                rows.add(rowFor(c, tied));
            }
        }
        return new Selection(selected, rows, problems);
    }

    private static SelectionRow rowFor(Candidate c, List<Candidate> tied) {
        if (!c.verdict.applicable()) {
            String reason = c.verdict.reason().isBlank() ? "no reason given" : c.verdict.reason();
            return row(c.found, c.name, c.priority, Status.NOT_APPLICABLE, "not applicable: " + reason);
        }
        List<String> others = new ArrayList<>();
        boolean isTied = false;
        for (Candidate t : tied) {
            if (t == c) { // identity: a record's equals() would spin method handles at start
                isTied = true;
            } else {
                others.add(t.module());
            }
        }
        if (isTied) {
            if (tied.size() == 1) {
                return row(c.found, c.name, c.priority, Status.SELECTED, "selected");
            }
            return row(c.found, c.name, c.priority, Status.TIE, "tie with " + String.join(", ", others) + " (not routed)");
        }
        return row(c.found, c.name, c.priority, Status.SHADOWED, "shadowed by " + String.join(", ", others));
    }

    private static SelectionRow row(DiscoveredHandler d, String name, int priority, Status status, String detail) {
        CommandHandler h = d.handler();
        return new SelectionRow(name, moduleName(h), moduleVersion(h), d.origin(), priority, status, detail);
    }

    /** @return the handler's module name, {@code unknown} when it is null or the method throws */
    private static String moduleName(CommandHandler h) {
        try {
            return orUnknown(h.moduleName());
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    /** @return the handler's module version, {@code unknown} when it is null or the method throws */
    private static String moduleVersion(CommandHandler h) {
        try {
            return orUnknown(h.moduleVersion());
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    private static String orUnknown(String v) {
        return v == null ? "unknown" : v;
    }
}
