/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.plugin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.novaagent.api.Applicability;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.HostFacts;
import org.novaagent.runtime.plugin.SelectionRow.Status;

/**
 * Chooses, per command name, the applicable handler with the highest priority (cloud-init's
 * {@code renderers.select}). A tie at the top routes none of the tied handlers and nothing
 * applicable routes nothing; both are reported, never guessed.
 */
public final class HandlerSelector {

    /** How a "no handler of this command applies here" problem begins. */
    public static final String NOTHING_APPLICABLE = "no applicable handler for command ";

    private final HandlerValidator validator = new HandlerValidator();

    /** A handler with the facts selection needs, computed once. */
    private record Candidate(DiscoveredHandler found, String name, int priority, Applicability verdict) {
        String module() {
            return safe(found.handler()::moduleName);
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
            byName.computeIfAbsent(h.name(), k -> new ArrayList<>())
                    .add(new Candidate(d, h.name(), validator.priority(h), validator.applicability(h, facts)));
        }
        Map<String, CommandHandler> selected = new TreeMap<>();
        for (var entry : byName.entrySet()) {
            String name = entry.getKey();
            List<Candidate> all = new ArrayList<>(entry.getValue());
            all.sort(Comparator.comparingInt(Candidate::priority).reversed());
            List<Candidate> applicable = all.stream().filter(c -> c.verdict.applicable()).collect(Collectors.toList());
            if (applicable.isEmpty()) {
                problems.add(NOTHING_APPLICABLE + "'" + name + "': " + all.stream()
                        .map(c -> c.module() + " (" + c.verdict.reason() + ")").collect(Collectors.joining(", ")));
            }
            int top = applicable.isEmpty() ? Integer.MIN_VALUE : applicable.get(0).priority;
            List<Candidate> tied = applicable.stream().filter(c -> c.priority == top).collect(Collectors.toList());
            if (tied.size() > 1) {
                problems.add("command '" + name + "' is not routed: " + tied.size() + " applicable handlers tie at priority "
                        + top + ": " + tied.stream().map(c -> c.module() + " (" + c.found.origin() + ")")
                        .collect(Collectors.joining(", ")));
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
        if (tied.stream().anyMatch(t -> t == c)) { // identity: a record's equals() would spin method handles at start
            if (tied.size() == 1) {
                return row(c.found, c.name, c.priority, Status.SELECTED, "selected");
            }
            String others = tied.stream().filter(o -> o != c).map(Candidate::module).collect(Collectors.joining(", "));
            return row(c.found, c.name, c.priority, Status.TIE, "tie with " + others + " (not routed)");
        }
        String winners = tied.stream().map(Candidate::module).collect(Collectors.joining(", "));
        return row(c.found, c.name, c.priority, Status.SHADOWED, "shadowed by " + winners);
    }

    private static SelectionRow row(DiscoveredHandler d, String name, int priority, Status status, String detail) {
        CommandHandler h = d.handler();
        return new SelectionRow(name, safe(h::moduleName), safe(h::moduleVersion), d.origin(), priority, status, detail);
    }

    private static String safe(java.util.function.Supplier<String> s) {
        try {
            String v = s.get();
            return v == null ? "unknown" : v;
        } catch (RuntimeException e) {
            return "unknown";
        }
    }
}
