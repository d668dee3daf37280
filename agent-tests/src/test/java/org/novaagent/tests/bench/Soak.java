/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.novaagent.host.Crypto;
import org.novaagent.host.HostReply;
import org.novaagent.host.HostSimulator;
import org.novaagent.host.demo.DemoNetwork;
import org.novaagent.host.demo.Distro;
import org.novaagent.host.demo.DistroRootBuilder;
import org.novaagent.tests.xenstore.Oxenstored;
import org.novaagent.xenstore.TransactionalXenStoreClient;
import org.novaagent.xenstore.XenStoreConnector;

/**
 * The soak of issue #17: the real agent ({@code agent run} on a Debian scratch root) answers a
 * long mixed stream through the real oxenstored: {@code version}, {@code keyinit} + {@code password},
 * {@code resetnetwork} alternating between two NICs (attach) and three (detach), {@code injectfile},
 * and bad input (raw garbage, an unknown command, bad base64). Every reply is checked against what
 * that request must answer. The agent's resident memory, threads, open file descriptors and the
 * XenStore watches open on the daemon are sampled at the start (after a warm-up), the middle and
 * the end, and every request's host-side latency is kept. Used by {@link AgentBench} ({@code
 * --only=soak}) and, shortened, by {@code SoakSmokeTests}.
 */
public final class Soak implements AutoCloseable {

    /** One sample of the agent's footprint. */
    public record Footprint(String when, int done, long rssKiB, int threads, int fds, int watches) {
        @Override
        public String toString() {
            return String.format("%-6s after %6d requests: RSS %6d KiB, %3d threads, %3d fds, %2d XenStore watches",
                    when, done, rssKiB, threads, fds, watches);
        }
    }

    /** What a soak measured. */
    public record Result(List<Footprint> footprints, Map<String, LatencyStats> latency, LatencyStats all) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String[] KINDS = {"version", "password", "resetnetwork", "injectfile", "bad"};

    private final Path work;
    private final Oxenstored daemon;
    private final TransactionalXenStoreClient host;
    private final HostSimulator sim;
    private final Process agent;

    private Soak(Path work, Oxenstored daemon, TransactionalXenStoreClient host, HostSimulator sim, Process agent) {
        this.work = work;
        this.daemon = daemon;
        this.host = host;
        this.sim = sim;
        this.agent = agent;
    }

    /**
     * Starts oxenstored, a Debian root and the agent in {@code work} with the packaged launcher's
     * JVM flags ({@link BenchAgent#LEAN_FLAGS}: a 32 MiB heap, so memory growth shows); replies
     * are swept after 5 s.
     */
    public static Soak start(Path work) throws Exception {
        Oxenstored daemon = Oxenstored.start(work.resolve("oxs"));
        Path root = DistroRootBuilder.build(work.resolve("root"), Distro.DEBIAN);
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path conf = work.resolve("agent.conf");
        Files.writeString(conf, "rescan.interval = 5\nreplies.grace = 5\n");
        Path logs = Files.createDirectories(work.resolve("logs"));
        Process agent = new ProcessBuilder(BenchAgent.command(BenchAgent.LEAN_FLAGS, List.of("run", "--xenstore",
                daemon.socketPath().toString(), "--root", root.toString(), "--plugins-dir", plugins.toString(),
                "--allow-insecure-plugins-dir", "--config", conf.toString(), "--log-level", "warn")))
                .redirectOutput(logs.resolve("agent.out").toFile()).redirectError(logs.resolve("agent.err").toFile()).start();
        TransactionalXenStoreClient host = XenStoreConnector.openSocket(daemon.socketPath());
        HostSimulator sim = new HostSimulator(host);
        sim.setDefaultTimeout(TIMEOUT);
        Soak soak = new Soak(work, daemon, host, sim, agent);
        HostReply first = sim.version();
        if (!first.isSuccess()) {
            soak.close();
            throw new IOException("the agent did not answer version: " + first + "\n" + soak.agentLog());
        }
        return soak;
    }

    /**
     * Runs {@code requests} mixed requests (after {@code warmup} unmeasured ones) and samples the
     * footprint after the warm-up, at the middle and at the end.
     */
    public Result run(int warmup, int requests) throws Exception {
        for (int i = 0; i < warmup; i++) {
            one(i, KINDS[i % KINDS.length]);
        }
        List<Footprint> footprints = new ArrayList<>();
        footprints.add(footprint("start", 0));
        Map<String, List<Long>> byKind = new HashMap<>();
        long[] all = new long[requests];
        for (int i = 0; i < requests; i++) {
            String kind = KINDS[i % KINDS.length];
            long t0 = System.nanoTime();
            one(warmup + i, kind);
            all[i] = System.nanoTime() - t0;
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(all[i]);
            if (i + 1 == requests / 2) {
                footprints.add(footprint("middle", i + 1));
            }
        }
        Thread.sleep(6_000); // the sweep of the last replies
        footprints.add(footprint("end", requests));
        Map<String, LatencyStats> latency = new java.util.TreeMap<>();
        byKind.forEach((k, v) -> latency.put(k, new LatencyStats(v.stream().mapToLong(Long::longValue).toArray())));
        return new Result(footprints, latency, new LatencyStats(all));
    }

    private void one(int i, String kind) throws Exception {
        switch (kind) {
            case "version" -> expect(kind, sim.version(), "0");
            case "password" -> {
                expect("keyinit", sim.keyinit(), "D0");
                expect(kind, sim.password("Soak-" + i + "-pw", i % 2 == 0 ? Crypto.Digest.MD5 : Crypto.Digest.SHA256), "0");
            }
            case "resetnetwork" -> expect(kind, sim.resetnetwork(i % 2 == 0
                    ? DemoNetwork.withCloudNetwork() : DemoNetwork.twoNics()), "0");
            case "injectfile" -> expect(kind, sim.injectfile("/etc/motd",
                    ("soak " + i + "\n").getBytes(StandardCharsets.UTF_8)), "0");
            default -> bad(i);
        }
    }

    private void bad(int i) throws Exception {
        switch (i % 3) {
            case 0 -> expect("unknown", sim.call("agentupdat3", "", TIMEOUT), "404");
            case 1 -> expect("bad base64", sim.call("injectfile", "not*base64", TIMEOUT), "500");
            default -> {
                String id = UUID.randomUUID().toString();
                String path = sim.domainPath() + "/data/host/" + id;
                host.write(path, "{\"name\": \u0000 garbage " + i);
                long deadline = System.nanoTime() + TIMEOUT.toNanos();
                Optional<String> reply = Optional.empty();
                while (reply.isEmpty() && System.nanoTime() < deadline) {
                    reply = host.read(sim.domainPath() + "/data/guest/" + id);
                    if (reply.isEmpty()) {
                        Thread.sleep(1);
                    }
                }
                if (reply.isEmpty() || !reply.get().contains("\"returncode\":\"500\"")) {
                    throw new IllegalStateException("garbage request answered " + reply + "\n" + agentLog());
                }
            }
        }
    }

    private void expect(String what, HostReply reply, String code) {
        if (!reply.returnCode().equals(code)) {
            throw new IllegalStateException(what + " answered " + reply + ", expected " + code + "\n" + agentLog());
        }
    }

    /** @return the agent's footprint now */
    public Footprint footprint(String when, int done) throws IOException {
        ProcSample s = ProcSample.of(agent.pid());
        int fds;
        try (Stream<Path> fd = Files.list(Path.of("/proc", Long.toString(agent.pid()), "fd"))) {
            fds = (int) fd.count();
        }
        return new Footprint(when, done, s.rssKiB(), s.threads(), fds, watches());
    }

    /**
     * @return the watches open on oxenstored now, from its access log: {@code watch} minus
     *         {@code unwatch} per connection, for connections without {@code endconn}
     */
    int watches() throws IOException {
        Path rotated = daemon.accessLog().resolveSibling(daemon.accessLog().getFileName() + ".1");
        if (Files.exists(rotated)) {
            // the first watch lines are in the rotated file: counting the current one reports 0
            throw new IllegalStateException("oxenstored rotated its access log (" + rotated + "): watches cannot be counted");
        }
        Map<String, Set<String>> open = new HashMap<>();
        for (String line : Files.readAllLines(daemon.accessLog(), StandardCharsets.UTF_8)) {
            String[] f = line.replaceFirst("^\\[[^]]*\\]\\s+", "").split("\\s+", 4);
            if (f.length < 2 || f[0].contains(".")) {
                continue;
            }
            switch (f[1]) {
                case "watch" -> open.computeIfAbsent(f[0], k -> new HashSet<>()).add(f.length > 2 ? f[2] + " " + (f.length > 3 ? f[3] : "") : "");
                case "unwatch" -> open.getOrDefault(f[0], new HashSet<>()).remove(f.length > 2 ? f[2] + " " + (f.length > 3 ? f[3] : "") : "");
                case "endconn" -> open.remove(f[0]);
                default -> { }
            }
        }
        return open.values().stream().mapToInt(Set::size).sum();
    }

    /** @return what the agent logged */
    public String agentLog() {
        try {
            return Files.readString(work.resolve("logs/agent.err"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<no agent log: " + e.getMessage() + ">";
        }
    }

    @Override
    public void close() {
        try {
            BenchAgent.stop(agent);
            host.close();
        } finally {
            daemon.stop();
        }
    }
}
