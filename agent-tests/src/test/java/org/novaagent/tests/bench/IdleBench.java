/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.novaagent.xenstore.XenStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The idle cost of the real agent against oxenstored, next to two baselines measured the same
 * run: an idle {@code /bin/sleep}, and a 1 s shell poll loop around {@code xenstore-ls} standing in
 * for the old agents' poll loops.
 */
public final class IdleBench {

    private static final Logger LOG = LoggerFactory.getLogger(IdleBench.class);
    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    private final Path socket;
    private final Path work;
    private final int seconds;
    private final long ticksPerSecond;

    /**
     * @param socket  the daemon socket
     * @param work    a scratch directory
     * @param seconds the idle window
     */
    public IdleBench(Path socket, Path work, int seconds) throws IOException {
        this.socket = socket;
        this.work = work;
        this.seconds = seconds;
        this.ticksPerSecond = ProcSample.clockTicksPerSecond();
    }

    /** @return getconf CLK_TCK */
    public long ticksPerSecond() {
        return ticksPerSecond;
    }

    /**
     * Starts the agent, waits until it has answered one {@code version} request (ready), then
     * measures the next {@code seconds}.
     *
     * @param jvmFlags null = as AgentProcess starts it, else these JVM flags
     */
    public IdleCost agent(String label, List<String> jvmFlags) throws IOException, XenStoreException, InterruptedException {
        Path dir = Files.createTempDirectory(work, "idle-agent");
        Process agent = BenchAgent.startRun(jvmFlags, socket, dir.resolve("root"), dir);
        try (RoundTripHost host = RoundTripHost.connect(socket)) {
            long ready = host.roundTrip(Duration.ofSeconds(60));
            LOG.info("{}: ready (first reply after {} ms); idling {} s", label, ready / 1_000_000, seconds);
            return window(label, agent.pid(), "/proc window after the first reply");
        } finally {
            BenchAgent.stop(agent);
        }
    }

    /** An idle {@code /bin/sleep}: the floor of what any process costs. */
    public IdleCost sleep() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/sleep", Integer.toString(seconds + 30))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Thread.sleep(200);
            return window("/bin/sleep (idle floor)", p.pid(), "/proc window");
        } finally {
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /**
     * A 1 s poll loop ({@code sleep 1; xenstore-ls data/host}) run for {@code seconds} iterations
     * under GNU time, so the short-lived children's CPU and context switches count.
     *
     * @return the cost, or empty when /usr/bin/time or xenstore-ls is missing
     */
    public Optional<IdleCost> poller() throws IOException, InterruptedException {
        if (!Files.isExecutable(GNU_TIME) || !Files.isExecutable(Path.of("/usr/bin/xenstore-ls"))) {
            LOG.warn("poll-loop baseline skipped: /usr/bin/time (package time) or xenstore-ls missing");
            return Optional.empty();
        }
        Path out = work.resolve("poller.time");
        String loop = "for i in $(seq " + seconds + "); do sleep 1; xenstore-ls /local/domain/0/data/host >/dev/null; done";
        ProcessBuilder pb = new ProcessBuilder(GNU_TIME.toString(), "-f", "%e %U %S %w %M", "-o", out.toString(),
                "/bin/bash", "-c", loop);
        pb.environment().put("XENSTORED_PATH", socket.toString());
        pb.environment().remove("XENSTORED_RUNDIR");
        Process p = pb.redirectErrorStream(true).redirectOutput(work.resolve("poller.log").toFile()).start();
        try {
            if (!p.waitFor(seconds * 3L + 30, TimeUnit.SECONDS)) {
                throw new IOException("poll loop did not finish");
            }
        } finally {
            p.destroyForcibly();
        }
        String[] f = lastLine(Files.readString(out, StandardCharsets.UTF_8)).split("\\s+");
        if (f.length < 5) {
            throw new IOException("unexpected GNU time output in " + out);
        }
        double cpuMs = (Double.parseDouble(f[1]) + Double.parseDouble(f[2])) * 1000.0;
        return Optional.of(new IdleCost("1 s poll loop (bash+xenstore-ls)", Double.parseDouble(f[0]), cpuMs,
                Long.parseLong(f[3]), Long.parseLong(f[4]), 0, "GNU time rusage of the whole run, children included; RSS = max"));
    }

    private IdleCost window(String label, long pid, String note) throws IOException, InterruptedException {
        ProcSample before = ProcSample.of(pid);
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        ProcSample after = ProcSample.of(pid);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        return IdleCost.between(label, before, after, elapsed, ticksPerSecond, note);
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
