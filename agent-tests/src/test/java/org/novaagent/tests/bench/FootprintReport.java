/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.bench;

import java.util.ArrayList;
import java.util.List;

/** The footprint section of the report: every figure beside its same-run reference and their ratio. */
final class FootprintReport {

    /** Issue #14's goals. */
    static final double GOAL_FIRST_REPLY_MS = 150;
    static final double GOAL_RSS_MIB = 40;

    private FootprintReport() {
    }

    static void write(BenchReport r, FootprintBench.Result f, int runs) {
        r.line("5. FOOTPRINT (issue #14): the packaged launcher from %s (dpkg-deb -x), %s made by", f.deb(),
                f.linkedRuntime() ? "linked runtime and its class archive" : "class archive (no JDK here: no linked runtime)");
        r.line("   --refresh-class-archive as the postinst does (%.1f s). Start -> first reply: a version request", f.refreshSeconds());
        r.line("   waits in oxenstored before the process starts; median of %d after 1 warm-up start each, alternating", runs);
        r.line("   %-46s %9s %9s %9s", "start -> first reply (ms)", "median", "min", "max");
        f.startMs().forEach((label, ms) -> r.line("   %-46s %9.1f %9.1f %9.1f", label, median(ms), min(ms), max(ms)));
        double floor = median(f.startMs().get(FootprintBench.FLOOR));
        double py = median(f.startMs().get(FootprintBench.PYTHON));
        r.line("   %-46s %9s %9s %9s", "figure", "ours", "reference", "ratio");
        f.startMs().forEach((label, ms) -> {
            if (label.startsWith("agent")) {
                r.line("   %-46s %9.1f %9.1f %9.2f", "first reply vs Python (" + shortLabel(label) + ")", median(ms), py, median(ms) / py);
                r.line("   %-46s %9.1f %9.1f %9.2f", "first reply vs JVM floor (" + shortLabel(label) + ")", median(ms), floor,
                        median(ms) / floor);
            }
        });
        r.line("   %-46s %9.1f %9.1f %9.2f", "RSS MiB 2 s after start vs Python", f.agentRss2s(), f.pythonRss2s(),
                f.agentRss2s() / f.pythonRss2s());
        r.line("   %-46s %9.1f %9.1f %9.2f", "RSS MiB " + f.settleSeconds() + " s after " + f.burst() + " requests vs Python",
                f.agentRssAfterBurst(), f.pythonRssAfterBurst(), f.agentRssAfterBurst() / f.pythonRssAfterBurst());
        r.line("   %-46s %9.1f %9.1f %9.2f", "RSS MiB 2 s after start, NOTIFY_SOCKET set", f.underServiceManager().rssMib(),
                f.pythonRss2s(), f.underServiceManager().rssMib() / f.pythonRss2s());
        r.line("   (NOTIFY_SOCKET: as systemd runs it; the notify socket (agent-testkit NotifyListener) got \"%s\")", f.underServiceManager().readyLine());
        r.line("   goals: first reply <= %.0f ms (now %.1f as installed), idle RSS <= %.0f MiB (now %.1f)",
                GOAL_FIRST_REPLY_MS, median(f.startMs().get(FootprintBench.WITH_ARCHIVE)), GOAL_RSS_MIB, f.agentRss2s());
        r.line("   every burst request was answered 0; no OutOfMemoryError at the launcher's limits. The agent's burst is");
        r.line("   written back to back; the Python responder's in batches of %d (pyxs cannot read a directory listing", FootprintBench.PYTHON_BATCH);
        r.line("   over XenStore's 4 KiB payload: about 85 waiting request ids of this length)");
        r.line("");
    }

    private static String shortLabel(String label) {
        return label.equals(FootprintBench.WITHOUT) ? "no archive/runtime" : "as installed";
    }

    static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
