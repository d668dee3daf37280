/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.novaagent.tests.xenstore.Oxenstored;
import org.novaagent.xenstore.XenStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The footprint part of the benchmark (issue #14, {@code --only=footprint}): what users run, the
 * launcher of the .deb unpacked with {@code dpkg-deb -x}, its class archive made as the postinst
 * makes it, next to same-run references. Start → first reply: a {@code version} request waits in a
 * real oxenstored before the process starts; the clock runs from just before the process is
 * started to the read that returns the reply; one warm-up start of each, then the subjects
 * alternate run by run. References: {@code java -Xshare:auto -version} (the JVM floor, start to
 * exit) and {@code bench/pyxs-responder.py} (a Python 3 watch responder with Debian's python3-pyxs,
 * standing in for the Python agent). Memory: VmRSS 2 s after the first reply, then after a burst
 * of requests (written back to back, all answered, checked) and a settle time, for the agent and
 * the Python responder; an agent that dies or logs an {@code OutOfMemoryError} fails the run.
 */
final class FootprintBench {

    private static final Logger LOG = LoggerFactory.getLogger(FootprintBench.class);

    static final String FLOOR = "java -Xshare:auto -version";
    static final String WITH_ARCHIVE = "agent, packaged launcher as installed";
    static final String WITHOUT = "agent, packaged launcher, no archive/runtime";
    static final String PYTHON = "python3 + pyxs watch responder";
    /** Requests per batch of the Python responder's burst (see {@link #run}). */
    static final int PYTHON_BATCH = 50;

    /** One thing started and timed to its first reply. */
    private record Subject(String label, List<String> command, Map<String, String> env) {
    }

    /** The figures of one run: medians in ms, RSS in MiB. */
    record Result(Map<String, List<Double>> startMs, double agentRss2s, double agentRssAfterBurst,
                  double pythonRss2s, double pythonRssAfterBurst, int burst, int settleSeconds, double refreshSeconds, boolean linkedRuntime,
                  String deb, ServiceManagerRss.Sample underServiceManager) {
    }

    private final Path work;
    private final Path deb;
    private final Path responder;
    private final int runs;
    private final int burst;
    private final int settleSeconds;

    FootprintBench(Path work, Path deb, Path responder, int runs, int burst, int settleSeconds) {
        this.work = work;
        this.deb = deb;
        this.responder = responder;
        this.runs = runs;
        this.burst = burst;
        this.settleSeconds = settleSeconds;
    }

    /** The .deb dist built (the Debian flavour), or a clear error naming how to build it. */
    static Path findDeb(Path repo) throws IOException {
        Path dir = repo.resolve("dist/target/packages");
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                var found = s.filter(p -> p.getFileName().toString().matches("nova-agent_.*\\+debian_all\\.deb")).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new IOException("no nova-agent_*+debian_all.deb in " + dir
                + ": build the packages first (mvn -B install, or mvn -B -DskipTests install && bash dist/package.sh)");
    }

    Result run() throws IOException, InterruptedException, XenStoreException {
        Path pkg = work.resolve("pkg");
        exec(List.of("dpkg-deb", "-x", deb.toString(), pkg.toString()));
        PackagedLauncher launcher = new PackagedLauncher(pkg, work);
        long t0 = System.nanoTime();
        launcher.refreshArchive();
        double refreshSeconds = (System.nanoTime() - t0) / 1e9;
        try (Oxenstored daemon = Oxenstored.start(work.resolve("oxs"))) {
            Path socket = daemon.socketPath();
            List<Subject> subjects = List.of(
                    new Subject(WITH_ARCHIVE, launcher.run(socket), launcher.env(true)),
                    new Subject(WITHOUT, launcher.run(socket), launcher.env(false)),
                    new Subject(PYTHON, python(socket), Map.of()));
            Map<String, List<Double>> ms = new LinkedHashMap<>();
            ms.put(FLOOR, new ArrayList<>());
            subjects.forEach(s -> ms.put(s.label(), new ArrayList<>()));
            try (FirstReply probe = FirstReply.connect(socket)) {
                for (int i = -1; i < runs; i++) { // i = -1: the warm-up start of each, not kept
                    LOG.info("footprint: start -> first reply, run {} of {}", i + 1, runs);
                    double floor = jvmFloorMs();
                    if (i >= 0) {
                        ms.get(FLOOR).add(floor);
                    }
                    for (Subject s : subjects) {
                        FirstReply.Started started = probe.start(s.command(), s.env(), work.resolve("logs"));
                        BenchAgent.stop(started.process());
                        if (i >= 0) {
                            ms.get(s.label()).add(started.millis());
                        }
                    }
                }
                LOG.info("footprint: RSS of the agent (as installed) and of the Python responder, burst of {}", burst);
                double[] agent = memory(probe, subjects.get(0), burst);
                // pyxs fails on a directory listing over XenStore's 4 KiB payload (InvalidPayload: about 85
                // pending request ids of this length), where our client reads it in parts: its burst comes in batches
                double[] py = memory(probe, subjects.get(2), PYTHON_BATCH);
                LOG.info("footprint: RSS of the agent under a service manager (NOTIFY_SOCKET)");
                ServiceManagerRss.Sample managed = ServiceManagerRss.measure(probe,
                        subjects.get(0).command(), subjects.get(0).env(), work.resolve("service-manager"));
                return new Result(ms, agent[0], agent[1], py[0], py[1], burst, settleSeconds, refreshSeconds, launcher.hasLinkedRuntime(),
                        deb.getFileName().toString(), managed);
            }
        }
    }

    /** @return VmRSS in MiB 2 s after the first reply and {@code settleSeconds} after a checked burst */
    private double[] memory(FirstReply probe, Subject subject, int batch)
            throws IOException, InterruptedException, XenStoreException {
        FirstReply.Started s = probe.start(subject.command(), subject.env(), work.resolve("logs"));
        try {
            Thread.sleep(2000);
            double idle = rssMib(s.process().pid());
            probe.burst(burst, batch, Duration.ofSeconds(120 + burst / 10), s.process()::isAlive);
            Thread.sleep(settleSeconds * 1000L);
            if (!s.process().isAlive()) {
                throw new IllegalStateException(subject.label() + " died during or after the burst: see " + s.log());
            }
            double after = rssMib(s.process().pid());
            String log = Files.readString(s.log());
            if (log.contains("OutOfMemoryError")) {
                throw new IllegalStateException("OutOfMemoryError at the launcher's limits: see " + s.log());
            }
            return new double[] {idle, after};
        } finally {
            BenchAgent.stop(s.process());
        }
    }

    private List<String> python(Path socket) {
        return List.of("/usr/bin/python3", responder.toString(), socket.toString());
    }

    /** @return wall ms from start to exit of {@code java -Xshare:auto -version} (the bench's own java) */
    private static double jvmFloorMs() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(java, "-Xshare:auto", "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("java -version failed");
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    static double rssMib(long pid) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS for " + pid);
    }

    static void exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(cmd + " failed: " + out);
        }
    }
}
