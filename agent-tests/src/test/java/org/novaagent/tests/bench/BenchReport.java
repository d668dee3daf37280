/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Formats the benchmark's results as plain-text tables (one place for every number's wording). */
public final class BenchReport {

    /** Goals from issue #4 and the later packaging issue. */
    static final double GOAL_P50_MS = 5;
    static final double GOAL_P99_MS = 20;
    static final double GOAL_STARTUP_MS = 120;
    static final double GOAL_IDLE_RSS_MIB = 40;

    /** Old agents' poll intervals in seconds: label → interval. */
    private static final List<Object[]> OLD_AGENTS = List.of(
            new Object[] {"nova-agent 2.x (Linux)", 10.0},
            new Object[] {"nova-agent 1.x (Python)", 1.0},
            new Object[] {"Windows agent", 6.0});

    private final StringBuilder text = new StringBuilder();

    /** Title, date and machine. */
    public void header() throws IOException {
        line("nova-agent benchmark — %s", OffsetDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        line("machine: %d CPU(s), %s, kernel %s, Java %s (%s)", Runtime.getRuntime().availableProcessors(),
                osName(), System.getProperty("os.version"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"));
        line("load average at start: %s", loadAverage());
        line("");
    }

    /** The load at the end: other work on the machine makes the numbers noisier. */
    public void footer() throws IOException {
        line("load average at end: %s", loadAverage());
    }

    /** Start-up table. */
    public void startup(StartupBench.Result defaults, StartupBench.Result lean, int warmups, int runs) {
        line("1. START-UP: wall time of `agent version` (child JVM, module path), median of %d after %d warm-ups,", runs, warmups);
        line("   the two flag sets alternating run by run");
        line("   %-34s %10s %10s %10s", "JVM flags", "median ms", "min ms", "max ms");
        row("JVM defaults", defaults);
        row("launcher lean flags", lean);
        line("   lean flags: %s", String.join(" ", BenchAgent.LEAN_FLAGS));
        line("   ratio default/lean: %.2f   (`agent version` printed: %s)", defaults.medianMs() / lean.medianMs(),
                lean.output().replace('\n', ' '));
        line("   later target (jlink + CDS archive): start-up <= %.0f ms, idle RSS <= %.0f MiB", GOAL_STARTUP_MS, GOAL_IDLE_RSS_MIB);
        line("");
    }

    /** Latency table, goal check, and the derived comparison with the old agents' poll loops. */
    public void latency(LatencyStats baseline, LatencyStats agent, int warmup) {
        line("2. LATENCY: host write data/host/<uuid> -> reply read from data/guest/<uuid>, real oxenstored,");
        line("   host waits on a XenStore watch; %d measured round trips each after %d warm-up, agent and", agent.count(), warmup);
        line("   baseline alternating request by request (baseline under bench/host -> bench/guest) (ms)");
        line("   %-34s %8s %8s %8s %8s %8s", "responder", "p50", "p90", "p99", "max", "mean");
        stats("baseline: echo client, no agent", baseline);
        stats("real agent (agent run, child JVM)", agent);
        line("   ratio agent/baseline: p50 %.2f, p99 %.2f", agent.p50() / baseline.p50(), agent.p99() / baseline.p99());
        line("   goal p50 < %.0f ms: %s; goal p99 < %.0f ms: %s", GOAL_P50_MS, agent.p50() < GOAL_P50_MS ? "MET" : "MISSED",
                GOAL_P99_MS, agent.p99() < GOAL_P99_MS ? "MET" : "MISSED");
        line("   DERIVED, NOT MEASURED: a poll loop with interval T answers a request written at a random moment");
        line("   after T/2 on average and T at worst (plus its own processing):");
        line("   %-34s %10s %12s %12s %16s", "old agent", "interval s", "mean ms", "worst ms", "mean / our mean");
        for (Object[] old : OLD_AGENTS) {
            double t = (Double) old[1];
            line("   %-34s %10.0f %12.0f %12.0f %15.0fx", old[0], t, t * 500, t * 1000, t * 500 / agent.mean());
        }
        line("");
    }

    /** Idle table. */
    public void idle(List<IdleCost> rows, long ticksPerSecond) {
        line("3. IDLE COST (CLK_TCK %d: CPU resolution %.0f ms)", ticksPerSecond, 1000.0 / ticksPerSecond);
        line("   %-40s %6s %8s %7s %9s %10s %9s %7s", "process", "s", "CPU ms", "CPU %", "vol. cs", "wakeups/s",
                "RSS MiB", "threads");
        for (IdleCost c : rows) {
            line("   %-40s %6.1f %8.0f %7.3f %9d %10.2f %9.1f %7s", c.label(), c.seconds(), c.cpuMs(), c.cpuPercent(),
                    c.switches(), c.wakeupsPerSecond(), c.rssKiB() / 1024.0, c.threads() == 0 ? "-" : Integer.toString(c.threads()));
        }
        for (IdleCost c : rows) {
            line("   %s: %s", c.label(), c.note());
        }
        line("   quiet flags: %s", String.join(" ", BenchAgent.QUIET_FLAGS.subList(BenchAgent.LEAN_FLAGS.size(),
                BenchAgent.QUIET_FLAGS.size())));
        line("");
    }

    /** Soak table (issue #17): footprint at start, middle and end, latency per kind of request. */
    public void soak(Soak.Result r, int requests) {
        line("4. SOAK: %d mixed requests through the real oxenstored (version, keyinit+password, resetnetwork", requests);
        line("   attach/detach, injectfile, bad input), agent with the launcher's flags; every reply checked");
        for (Soak.Footprint f : r.footprints()) {
            line("   %s", f);
        }
        line("   host-side latency per request (ms; password = keyinit + password):");
        line("   %-34s %8s %8s %8s %8s %8s", "kind", "p50", "p90", "p99", "max", "mean");
        r.latency().forEach(this::stats);
        stats("all", r.all());
        line("");
    }

    /** Adds a free-form line. */
    public void line(String format, Object... args) {
        text.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    /** Writes the report to {@code file}. */
    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private void row(String label, StartupBench.Result r) {
        line("   %-34s %10.1f %10.1f %10.1f", label, r.medianMs(), r.minMs(), r.maxMs());
    }

    private void stats(String label, LatencyStats s) {
        line("   %-34s %8.3f %8.3f %8.3f %8.3f %8.3f", label, s.p50(), s.p90(), s.p99(), s.max(), s.mean());
    }

    private static String loadAverage() throws IOException {
        Path p = Path.of("/proc/loadavg");
        return Files.isReadable(p) ? Files.readString(p, StandardCharsets.US_ASCII).strip() : "unknown";
    }

    private static String osName() throws IOException {
        Path osRelease = Path.of("/etc/os-release");
        if (Files.isReadable(osRelease)) {
            for (String l : Files.readAllLines(osRelease, StandardCharsets.UTF_8)) {
                if (l.startsWith("PRETTY_NAME=")) {
                    return l.substring("PRETTY_NAME=".length()).replace("\"", "");
                }
            }
        }
        return System.getProperty("os.name");
    }
}
