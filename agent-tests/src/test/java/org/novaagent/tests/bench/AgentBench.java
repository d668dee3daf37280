/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.novaagent.tests.xenstore.Oxenstored;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreConnector;
import org.novaagent.xenstore.XenStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent benchmark of issue #4 (not a test; run by {@code bench/agent-bench.sh}, as root):
 * start-up of {@code agent version}, host-to-reply latency through the real oxenstored with and
 * without the agent, and the idle cost of the agent next to an idle process and a 1 s poll loop.
 * With {@code --only=soak} (or {@code soak} in the list) also the soak of issue #17 ({@link Soak}).
 * Options: {@code --requests=1000 --warmup=200 --idle-seconds=30 --startup-runs=10
 * --soak-requests=10000 --only=startup,latency,idle,footprint,soak --out=target/agent-bench.txt}; for
 * {@code footprint} (issue #14, {@link FootprintBench}) {@code --footprint-runs=10 --burst=1000
 * --settle-seconds=30 --deb=PATH}, and {@code --smoke=1} for CI's short run.
 */
public final class AgentBench {

    private static final Logger LOG = LoggerFactory.getLogger(AgentBench.class);
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);
    private static final int STARTUP_WARMUPS = 2;
    /** Where the baseline echo client answers: beside the agent's {@code data}, so both run at once. */
    private static final String BASELINE_BASE = "bench";

    private AgentBench() {
    }

    /** Runs the benchmark and writes the report. */
    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        int requests = Integer.parseInt(opt.getOrDefault("requests", "1000"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "200"));
        int idleSeconds = Integer.parseInt(opt.getOrDefault("idle-seconds", "30"));
        int startupRuns = Integer.parseInt(opt.getOrDefault("startup-runs", "10"));
        int soakRequests = Integer.parseInt(opt.getOrDefault("soak-requests", "10000"));
        Set<String> only = Set.of(opt.getOrDefault("only", "startup,latency,idle,footprint").split(","));
        Path out = Path.of(opt.getOrDefault("out", "target/agent-bench.txt"));

        BenchReport report = new BenchReport();
        report.header();
        Path work = Files.createTempDirectory("agent-bench");
        try {
            if (only.contains("startup")) {
                LOG.info("start-up: agent version, {} warm-ups + {} runs per flag set", STARTUP_WARMUPS, startupRuns);
                StartupBench sb = new StartupBench(work, STARTUP_WARMUPS, startupRuns);
                List<StartupBench.Result> r = sb.measure(List.of(List.of(), BenchAgent.LEAN_FLAGS));
                report.startup(r.get(0), r.get(1), STARTUP_WARMUPS, startupRuns);
            }
            if (only.contains("latency") || only.contains("idle")) {
                try (Oxenstored daemon = Oxenstored.start(work.resolve("oxs"))) {
                    Path socket = daemon.socketPath();
                    if (only.contains("latency")) {
                        latency(report, socket, work, warmup, requests);
                    }
                    if (only.contains("idle")) {
                        idle(report, socket, work, idleSeconds);
                    }
                }
            }
            if (only.contains("soak")) {
                soak(report, work, soakRequests);
            }
            if (only.contains("footprint")) {
                footprint(report, work, opt);
            }
        } finally {
            deleteTree(work);
        }
        report.footer();
        report.write(out);
        LOG.info("report written to {}", out.toAbsolutePath());
    }

    private static void latency(BenchReport report, Path socket, Path work, int warmup, int n)
            throws IOException, XenStoreException, InterruptedException {
        LOG.info("latency: real agent and echo baseline, alternating, {} + {} round trips each", warmup, n);
        Path dir = Files.createTempDirectory(work, "latency-agent");
        Process agent = BenchAgent.startRun(null, socket, dir.resolve("root"), dir);
        try (EchoResponder echo = EchoResponder.start(socket, BASELINE_BASE);
             RoundTripHost toAgent = RoundTripHost.connect(socket);
             RoundTripHost toEcho = RoundTripHost.connect(socket, BASELINE_BASE)) {
            toAgent.roundTrip(Duration.ofSeconds(60)); // ready: the first answer
            long[][] nanos = RoundTripHost.measureInterleaved(List.of(toEcho, toAgent), warmup, n, REPLY_TIMEOUT);
            if (echo.failure().isPresent()) {
                throw new IllegalStateException("echo responder failed", echo.failure().get());
            }
            report.latency(new LatencyStats(nanos[0]), new LatencyStats(nanos[1]), warmup);
        } finally {
            BenchAgent.stop(agent);
        }
        clear(socket);
    }

    /**
     * Issue #14: the packaged launcher's start to first reply and memory beside same-run references.
     * {@code --smoke} (CI) runs it once with a small burst, so that it cannot rot; it asserts no time.
     */
    private static void footprint(BenchReport report, Path work, Map<String, String> opt) throws Exception {
        boolean smoke = opt.containsKey("smoke");
        int runs = Integer.parseInt(opt.getOrDefault("footprint-runs", smoke ? "1" : "10"));
        int burst = Integer.parseInt(opt.getOrDefault("burst", smoke ? "50" : "1000"));
        int settle = Integer.parseInt(opt.getOrDefault("settle-seconds", smoke ? "1" : "30"));
        Path repo = Path.of("").toAbsolutePath().getParent();
        Path deb = opt.containsKey("deb") ? Path.of(opt.get("deb")) : FootprintBench.findDeb(repo);
        LOG.info("footprint: {} from {}, {} runs, burst {}, settle {} s", deb.getFileName(), deb.getParent(), runs, burst, settle);
        FootprintBench fb = new FootprintBench(Files.createTempDirectory(work, "footprint"), deb,
                repo.resolve("bench/pyxs-responder.py"), runs, burst, settle);
        FootprintReport.write(report, fb.run(), runs);
    }

    private static void soak(BenchReport report, Path work, int requests) throws Exception {
        LOG.info("soak: {} mixed requests through oxenstored (version, keyinit+password, resetnetwork, injectfile, bad input)",
                requests);
        try (Soak soak = Soak.start(Files.createTempDirectory(work, "soak"))) {
            report.soak(soak.run(Math.max(50, requests / 50), requests), requests);
        }
    }

    private static void idle(BenchReport report, Path socket, Path work, int seconds)
            throws IOException, XenStoreException, InterruptedException {
        IdleBench ib = new IdleBench(socket, work, seconds);
        List<IdleCost> rows = new ArrayList<>();
        rows.add(ib.agent("agent run (AgentProcess flags)", null));
        rows.add(ib.agent("agent run (launcher lean flags)", BenchAgent.LEAN_FLAGS));
        rows.add(ib.agent("agent run (lean + quiet: experiment)", BenchAgent.QUIET_FLAGS));
        LOG.info("idle baseline: /bin/sleep for {} s", seconds);
        rows.add(ib.sleep());
        LOG.info("idle baseline: 1 s poll loop for {} s", seconds);
        ib.poller().ifPresent(rows::add);
        report.idle(rows, ib.ticksPerSecond());
    }

    /** Removes what a phase left under data/host and data/guest. */
    private static void clear(Path socket) throws XenStoreException {
        try (XenStoreClient c = XenStoreConnector.openSocket(socket)) {
            c.rm("data/host");
            c.rm("data/guest");
            c.rm(BASELINE_BASE);
            c.mkdir("data/host");
            c.mkdir("data/guest");
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (!a.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got " + a);
            }
            m.put(a.substring(2, eq), a.substring(eq + 1));
        }
        return m;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
