/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.novaagent.xenstore.WatchEvent;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreConnector;
import org.novaagent.xenstore.XenStoreException;

/**
 * The host (dom0) side of the latency benchmark: writes {@code data/host/<uuid>} and waits for
 * {@code data/guest/<uuid>} through a watch on {@code data/guest}, so the measured time is not
 * rounded up to a poll interval. The clock stops when a read has returned the reply.
 */
public final class RoundTripHost implements AutoCloseable {

    /** The request every round trip sends. */
    public static final String VERSION_REQUEST = "{\"name\":\"version\",\"value\":\"agent\"}";

    private static final String TOKEN = "bench-host";

    private final XenStoreClient client;

    private RoundTripHost(XenStoreClient client) {
        this.client = client;
    }

    /** Connects to the daemon socket and arms the watch on {@code data/guest}. */
    public static RoundTripHost connect(Path socket) throws XenStoreException, InterruptedException {
        XenStoreClient c = XenStoreConnector.openSocket(socket);
        try {
            c.mkdir("data/host");
            c.mkdir("data/guest");
            c.watch("data/guest", TOKEN);
            // a fresh watch fires once at once: consume it so it is not taken for a reply
            c.awaitEvent(Duration.ofSeconds(2));
            return new RoundTripHost(c);
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
        String reply = "data/guest/" + id;
        long t0 = System.nanoTime();
        client.write("data/host/" + id, VERSION_REQUEST);
        long deadline = t0 + timeout.toNanos();
        Optional<String> value = Optional.empty();
        while (value.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                client.rm("data/host/" + id);
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
     * Runs {@code warmup} unmeasured round trips, then {@code n} measured ones.
     *
     * @return the measured durations in nanoseconds
     */
    public long[] measure(int warmup, int n, Duration timeout) throws XenStoreException, InterruptedException {
        for (int i = 0; i < warmup; i++) {
            roundTrip(timeout);
        }
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            nanos[i] = roundTrip(timeout);
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
