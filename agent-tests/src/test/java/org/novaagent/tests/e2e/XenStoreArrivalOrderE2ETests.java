/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.tests.xenstore.Oxenstored;
import org.novaagent.tests.xenstore.StockTools;
import org.novaagent.xenstore.TransactionalXenStoreClient;

/**
 * Arrival order on the real oxenstored, which lists children sorted by name: requests written
 * one {@code xenstore-write} at a time, with ids whose name order is not their write order
 * ({@code z-001, a-002, m-003...}), must be answered in write order. The order of the agent's
 * {@code data/guest/<id>} writes that took effect is read from the daemon's access log ({@link AccessLog}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XenStoreArrivalOrderE2ETests {

    private static final String VERSION_REQUEST = "{\"name\": \"version\", \"value\": \"agent\"}";

    @TempDir
    static Path dir;

    private XenStoreStage stage;
    private Oxenstored daemon;
    private TransactionalXenStoreClient host;
    private StockTools stock;
    private RunningAgent agent;
    private String domain;

    @BeforeAll
    void startDaemonThenAgent() throws Exception {
        StockTools.requireTools();
        stage = XenStoreStage.start(dir, Duration.ofSeconds(15));
        daemon = stage.daemon();
        host = stage.host();
        domain = stage.domain();
        stock = new StockTools(daemon.socketPath());
        agent = stage.startAgent(stage.debianRoot());
    }

    @AfterAll
    void stopAll() {
        if (stage != null) {
            stage.close();
        }
    }

    @Test
    void requestsWrittenOneAtATimeAreAnsweredInWriteOrder() throws Exception {
        List<String> ids = ids("w", 30);
        for (String id : ids) {
            write(id);
        }
        assertAnsweredOnceInOrder(ids);
    }

    /**
     * The agent is stopped (SIGSTOP) while the 30 requests are written, so all of them are pending
     * when it resumes: only the watch events, not oxenstored's name-sorted listing, give the order.
     */
    @Test
    void requestsPilingUpWhileTheAgentIsPausedAreAnsweredInWriteOrder() throws Exception {
        List<String> ids = ids("p", 30);
        signal("STOP");
        try {
            for (String id : ids) {
                write(id);
            }
            List<String> listed = HostSide.children(host, domain + "/data/host");
            assertEquals(ids.stream().sorted().toList(), listed, "oxenstored lists by name");
            assertNotEquals(ids, listed);
        } finally {
            signal("CONT");
        }
        assertAnsweredOnceInOrder(ids);
    }

    /** @return {@code z-<tag>01, a-<tag>02, m-<tag>03, z-<tag>04...}: name order differs from this order */
    private static List<String> ids(String tag, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ids.add("zam".charAt((i - 1) % 3) + "-" + tag + String.format("%03d", i));
        }
        return ids;
    }

    private void write(String id) throws IOException {
        StockTools.Result w = stock.xs("write", domain + "/data/host/" + id, VERSION_REQUEST);
        assertEquals(0, w.exitCode(), w.err());
    }

    private void assertAnsweredOnceInOrder(List<String> ids) throws Exception {
        for (String id : ids) {
            Optional<String> reply = HostSide.awaitReply(host, domain, id, 15_000);
            assertTrue(reply.isPresent(), "no reply to " + id + "\n" + agent.stderr());
            assertEquals("0", HostSide.parse(reply.get()).get("returncode").textValue(), reply.get());
            assertTrue(HostSide.awaitRequestRemoved(host, domain, id, 15_000), "request " + id + " left");
        }
        List<String> written = AccessLog.committedReplyWrites(daemon.accessLog()).stream().filter(ids::contains).toList();
        assertEquals(ids, written, "committed reply writes in the access log, in order\n"
                + AccessLog.linesAbout(daemon.accessLog(), ids.get(0)) + "\n" + agent.stderr());
    }

    /** Sends SIGSTOP or SIGCONT to the agent's JVM (our own child process). */
    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("/bin/kill", "-" + name, Long.toString(agent.process().pid()))
                .redirectErrorStream(true).start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + name + " failed");
    }
}
