/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.xenstore.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.novaagent.tests.xenstore.Oxenstored;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreConnector;
import org.novaagent.xenstore.sim.EmbeddedXenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Round-trip latency of write followed by read (two requests) through the real oxenstored and the
 * embedded server. Not a test: run by hand (see agent-xenstore/README.md), as root.
 * Argument: number of measured iterations (default 5000; 1000 warm-up iterations come first).
 */
public final class WriteReadLatencyBench {

    private static final Logger LOG = LoggerFactory.getLogger(WriteReadLatencyBench.class);

    private WriteReadLatencyBench() {
    }

    /** Runs the benchmark and logs p50/p90/p99/max in microseconds. */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        Path dir = Files.createTempDirectory("xs-bench");
        try (Oxenstored daemon = Oxenstored.start(dir.resolve("oxs"))) {
            measure("oxenstored", daemon.socketPath(), n);
        }
        try (EmbeddedXenStore sim = EmbeddedXenStore.start(dir.resolve("sim.sock"))) {
            measure("embedded", sim.socketPath(), n);
        }
    }

    private static void measure(String label, Path socket, int n) throws Exception {
        try (XenStoreClient c = XenStoreConnector.open(Optional.of(socket))) {
            String value = "{\"returncode\":\"0\",\"message\":\"agent 3.0.0\"}";
            for (int i = 0; i < 1000; i++) {
                roundTrip(c, i, value);
            }
            long[] nanos = new long[n];
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                roundTrip(c, i, value);
                nanos[i] = System.nanoTime() - t0;
            }
            Arrays.sort(nanos);
            LOG.info("{}: write+read round trip over {} iterations: p50 {} us, p90 {} us, p99 {} us, max {} us",
                    label, n, nanos[n / 2] / 1000, nanos[n * 9 / 10] / 1000, nanos[n * 99 / 100] / 1000, nanos[n - 1] / 1000);
            c.rm("data/guest");
        }
    }

    private static void roundTrip(XenStoreClient c, int i, String value) throws Exception {
        String key = "data/guest/" + (i % 50);
        c.write(key, value);
        if (c.read(key).isEmpty()) {
            throw new IllegalStateException("lost write " + key);
        }
    }
}
