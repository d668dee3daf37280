/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.novaagent.xenstore.WatchEvent;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreConnector;
import org.novaagent.xenstore.XenStoreException;

/**
 * The host (dom0) side of the latency benchmark: writes {@code <base>/host/<uuid>} and waits for
 * {@code <base>/guest/<uuid>} through a watch on {@code <base>/guest}, so the measured time is not
 * rounded up to a poll interval. The clock stops when a read has returned the reply. The agent
 * answers under base {@code data}; the baseline echo client under another base.
 */
public final class RoundTripHost implements AutoCloseable {

    /** The request every round trip sends. */
    public static final String VERSION_REQUEST = "{\"name\":\"version\",\"value\":\"agent\"}";

    private static final String TOKEN = "bench-host";

    private final XenStoreClient client;
    private final String hostDir;
    private final String guestDir;

    private RoundTripHost(XenStoreClient client, String base) {
        this.client = client;
        this.hostDir = base + "/host/";
        this.guestDir = base + "/guest/";
    }

    /** Connects to the daemon socket and arms the watch on {@code data/guest} (the agent's directories). */
    public static RoundTripHost connect(Path socket) throws XenStoreException, InterruptedException {
        return connect(socket, "data");
    }

    /** Connects to the daemon socket and arms the watch on {@code <base>/guest}. */
    public static RoundTripHost connect(Path socket, String base) throws XenStoreException, InterruptedException {
        XenStoreClient c = XenStoreConnector.openSocket(socket);
        try {
            c.mkdir(base + "/host");
            c.mkdir(base + "/guest");
            c.watch(base + "/guest", TOKEN);
            // a fresh watch fires once at once: consume it so it is not taken for a reply
            c.awaitEvent(Duration.ofSeconds(2));
            return new RoundTripHost(c, base);
        } catch (XenStoreException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * Sends one request and waits for its reply.
     *
     * @param timeout how long to wait for the reply
     * @return nanoseconds from just before the write to the read that returned the reply
     * @throws ReplyTimeoutException when no reply appeared in time
     */
    public long roundTrip(Duration timeout) throws XenStoreException, InterruptedException {
        drainEvents();
        String id = UUID.randomUUID().toString();
        String request = hostDir + id;
        String reply = guestDir + id;
        long t0 = System.nanoTime();
        client.write(request, VERSION_REQUEST);
        long deadline = t0 + timeout.toNanos();
        Optional<String> value = Optional.empty();
        while (value.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                client.rm(request);
                throw new ReplyTimeoutException("no reply to " + id + " within " + timeout.toMillis() + " ms");
            }
            Optional<WatchEvent> event = client.awaitEvent(Duration.ofNanos(left));
            if (event.isPresent() && event.get().path().endsWith(reply)) {
                value = client.read(reply);
            }
        }
        long elapsed = System.nanoTime() - t0;
        if (!value.get().contains("\"returncode\"")) {
            throw new ReplyTimeoutException("unexpected reply to " + id + ": " + value.get());
        }
        client.rm(reply); // as nova does after reading; not timed
        return elapsed;
    }

    /**
     * Runs {@code warmup} unmeasured round trips on each host, then {@code n} measured ones,
     * alternating between the hosts so that both see the same machine load.
     *
     * @return the measured durations in nanoseconds, one array per host
     */
    public static long[][] measureInterleaved(List<RoundTripHost> hosts, int warmup, int n, Duration timeout)
            throws XenStoreException, InterruptedException {
        for (int i = 0; i < warmup; i++) {
            for (RoundTripHost h : hosts) {
                h.roundTrip(timeout);
            }
        }
        long[][] nanos = new long[hosts.size()][n];
        for (int i = 0; i < n; i++) {
            for (int h = 0; h < hosts.size(); h++) {
                nanos[h][i] = hosts.get(h).roundTrip(timeout);
            }
        }
        return nanos;
    }

    private void drainEvents() throws XenStoreException, InterruptedException {
        while (client.awaitEvent(Duration.ZERO).isPresent()) {
            // events of the previous round trip (the reply's removal): not ours to wait for
        }
    }

    @Override
    public void close() {
        client.close();
    }

    /** No (valid) reply arrived in time: the benchmark cannot go on. */
    public static final class ReplyTimeoutException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ReplyTimeoutException(String message) {
            super(message);
        }
    }
}
