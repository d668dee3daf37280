/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short version of the soak ({@link Soak}; the full one is {@code bench/agent-bench.sh
 * --only=soak}, 10 000 requests): 200 mixed requests through the real oxenstored, every reply
 * checked, and the footprint flat between the middle and the end: no thread, file descriptor or
 * XenStore watch more, and resident memory within the JVM's own noise.
 */
class SoakSmokeTests {

    @TempDir
    Path dir;

    @Test
    void twoHundredMixedRequestsLeaveTheFootprintFlat() throws Exception {
        try (Soak soak = Soak.start(dir)) {
            Soak.Result r = soak.run(50, 200);
            r.footprints().forEach(System.out::println);
            r.latency().forEach((k, v) -> System.out.printf("%-12s p50 %.2f ms p99 %.2f ms%n", k, v.p50(), v.p99()));
            Soak.Footprint start = r.footprints().get(0);
            Soak.Footprint middle = r.footprints().get(1);
            Soak.Footprint end = r.footprints().get(2);
            String all = r.footprints() + "\n" + soak.agentLog();
            assertTrue(end.threads() <= middle.threads() && end.threads() <= start.threads() + 2, all);
            assertTrue(end.fds() <= start.fds(), all);
            assertEquals(start.watches(), end.watches(), all);
            assertEquals(1 + 1, end.watches(), "the agent's watch and the host simulator's: " + all);
            assertTrue(end.rssKiB() < middle.rssKiB() + 16 * 1024, all);
        }
    }
}
