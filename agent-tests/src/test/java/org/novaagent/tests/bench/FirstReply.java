/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.novaagent.xenstore.WatchEvent;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreConnector;
import org.novaagent.xenstore.XenStoreException;

/**
 * The host side of the footprint bench: a client of the real oxenstored with a watch on
 * {@code data/guest}. Times a process from its start to its first reply (the request already
 * waiting), and sends bursts of requests.
 */
final class FirstReply implements AutoCloseable {

    /** A started responder, the ms to its first reply and its log file. */
    record Started(Process process, double millis, Path log) {
    }

    private static final Duration FIRST_REPLY_TIMEOUT = Duration.ofSeconds(60);
    private final XenStoreClient client;
    private int started;

    private FirstReply(XenStoreClient client) {
        this.client = client;
    }

    static FirstReply connect(Path socket) throws XenStoreException, InterruptedException {
        XenStoreClient c = XenStoreConnector.openSocket(socket);
        c.mkdir("data/host");
        c.mkdir("data/guest");
        c.watch("data/guest", "footprint");
        return new FirstReply(c);
    }

    /**
     * Writes a {@code version} request, then starts {@code command} and waits for the reply.
     *
     * @return the process (still running: the caller stops it) and the ms from start to the reply
     */
    Started start(List<String> command, Map<String, String> env, Path logDir)
            throws IOException, InterruptedException, XenStoreException {
        String id = UUID.randomUUID().toString();
        client.write("data/host/" + id, RoundTripHost.VERSION_REQUEST);
        drain();
        Path log = Files.createDirectories(logDir).resolve("start-" + (++started) + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        long deadline = t0 + FIRST_REPLY_TIMEOUT.toNanos();
        Optional<String> reply = Optional.empty();
        while (reply.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !p.isAlive()) {
                BenchAgent.stop(p);
                client.rm("data/host/" + id);
                throw new IllegalStateException("no reply from " + command + " (log " + log + "): " + Files.readString(log));
            }
            Optional<WatchEvent> e = client.awaitEvent(Duration.ofNanos(Math.min(left, 1_000_000_000L)));
            if (e.isPresent() && e.get().path().endsWith("data/guest/" + id)) {
                reply = client.read("data/guest/" + id);
            }
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        if (!reply.get().contains("\"returncode\"")) {
            throw new IllegalStateException("unexpected reply: " + reply.get());
        }
        client.rm("data/guest/" + id);
        return new Started(p, ms, log);
    }

    /**
     * Writes {@code n} {@code version} requests, {@code batch} at a time back to back, waits after each
     * batch until the responder has taken them all, and checks that every one was answered 0.
     *
     * @param alive false when the responder has died (the wait ends at once)
     */
    void burst(int n, int batch, Duration timeout, java.util.function.BooleanSupplier alive)
            throws XenStoreException, InterruptedException {
        List<String> ids = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < n; i++) {
            String id = "burst-" + i + "-" + UUID.randomUUID();
            ids.add(id);
            client.write("data/host/" + id, RoundTripHost.VERSION_REQUEST);
            if ((i + 1) % batch == 0 || i + 1 == n) {
                while (!client.directory("data/host").isEmpty()) {
                    if (System.nanoTime() > deadline || !alive.getAsBoolean()) {
                        throw new IllegalStateException(client.directory("data/host").size() + " of " + n
                                + " burst requests unanswered (responder " + (alive.getAsBoolean() ? "alive" : "dead")
                                + ", " + timeout.toSeconds() + " s allowed)");
                    }
                    Thread.sleep(20);
                }
            }
        }
        for (String id : ids) {
            Optional<String> reply = client.read("data/guest/" + id);
            if (reply.isEmpty() || !reply.get().replace(" ", "").contains("\"returncode\":\"0\"")) {
                throw new IllegalStateException("burst request " + id + " answered " + reply.orElse("nothing"));
            }
        }
        client.rm("data/guest");
        client.mkdir("data/guest");
        drain();
    }

    private void drain() throws XenStoreException, InterruptedException {
        while (client.awaitEvent(Duration.ZERO).isPresent()) {
            // replies removed, earlier bursts: not the reply this start waits for
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
