/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.host.HostReply;
import org.novaagent.host.HostSimulator;
import org.novaagent.tests.support.AgentProcess;
import org.novaagent.tests.xenstore.Oxenstored;
import org.novaagent.tests.xenstore.StockTools;
import org.novaagent.xenstore.TransactionalXenStoreClient;

/**
 * The real agent ({@code agent run} in a child JVM) against the real oxenstored, driven by the host
 * simulator and by the stock {@code xenstore-write}: built-in commands, 404/500 answers to bad
 * input, a burst, requests written before start-up, a daemon crash mid-stream and {@code --once}.
 * One daemon and one agent serve the whole class; the crash and {@code --once} run last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class XenStoreConversationE2ETests {

    private static final long REPLY_MS = 15_000;

    @TempDir
    static Path dir;

    private XenStoreStage stage;
    private Oxenstored daemon;
    private RunningAgent agent;
    private TransactionalXenStoreClient host;
    private HostSimulator sim;
    private StockTools stock;
    private String domain;
    private Path root;
    private final List<String> writtenBeforeStart = new ArrayList<>();

    @BeforeAll
    void startDaemonThenAgent() throws Exception {
        StockTools.requireTools();
        stage = XenStoreStage.start(dir, Duration.ofSeconds(15));
        daemon = stage.daemon();
        stock = new StockTools(daemon.socketPath());
        useHost();
        root = stage.debianRoot();
        for (String name : List.of("version", "features", "nosuchcommand")) {
            String id = UUID.randomUUID().toString();
            host.write(domain + "/data/host/" + id, "{\"name\": \"" + name + "\", \"value\": \"\"}");
            writtenBeforeStart.add(id);
        }
        agent = stage.startAgent(root);
    }

    @AfterAll
    void stopAll() {
        if (stage != null) {
            stage.close();
        }
    }

    /** Takes the stage's (new) host-side client and simulator. */
    private void useHost() {
        host = stage.host();
        sim = stage.sim();
        domain = stage.domain();
    }

    @Test
    @Order(1)
    void requestsWrittenBeforeStartAreAnsweredAfterStart() throws Exception {
        List<String> codes = new ArrayList<>();
        for (String id : writtenBeforeStart) {
            Optional<String> reply = HostSide.awaitReply(host, domain, id, REPLY_MS);
            assertTrue(reply.isPresent(), "no reply to " + id + "\n" + agent.stderr());
            codes.add(HostSide.parse(reply.get()).get("returncode").asText());
            assertTrue(HostSide.awaitRequestRemoved(host, domain, id, REPLY_MS), "request " + id + " left\n" + agent.stderr());
        }
        assertEquals(List.of("0", "0", "404"), codes, agent.stderr());
    }

    @Test
    @Order(2)
    void versionIsTheModuleVersion() throws Exception {
        HostReply reply = sim.version();
        assertTrue(reply.isSuccess(), reply + "\n" + agent.stderr());
        assertEquals(expectedVersion(), reply.message(), agent.stderr());
        assertEquals("3.0.0", reply.message(), "the project version (sorts after 2.x's 2.1.25 for nova's agent_builds check)");
    }

    @Test
    @Order(2)
    void featuresListTheRoutableCommands() throws Exception {
        HostReply reply = sim.features();
        assertTrue(reply.isSuccess(), reply + "\n" + agent.stderr());
        Set<String> features = new HashSet<>(Arrays.asList(reply.message().split(",")));
        assertTrue(features.containsAll(List.of("keyinit", "password", "resetnetwork", "version", "features")),
                reply.message() + "\n" + agent.stderr());
    }

    @Test
    @Order(2)
    void unknownCommandIs404NamingIt() throws Exception {
        HostReply reply = sim.call("frobnicate", "x", sim.defaultTimeout());
        assertEquals("404", reply.returnCode(), reply + "\n" + agent.stderr());
        assertTrue(reply.codeWasString(), reply.toString());
        assertTrue(reply.message().contains("frobnicate"), reply.message());
    }

    @Test
    @Order(2)
    void badJsonIs500AndTheRequestIsRemoved() throws Exception {
        assertRejected("{\"name\": \"version\", \"value\": ", "not valid JSON");
    }

    @Test
    @Order(2)
    void missingNameIs500() throws Exception {
        assertRejected("{\"value\": \"agent\"}", "'name'");
    }

    @Test
    @Order(2)
    void nonObjectJsonIs500() throws Exception {
        assertRejected("[\"version\", \"agent\"]", "not a JSON object");
        assertRejected("42", "not a JSON object");
    }

    @Test
    @Order(2)
    void invalidUtf8Is500() throws Exception {
        // xenstore-write expands \xNN escapes into raw bytes: this is {"name":"ver<0xff>sion"}
        assertRejected("{\"name\":\"ver\\xffsion\"}", "UTF-8");
    }

    /** Writes {@code raw} with the stock xenstore-write and expects a "500" naming the problem. */
    private void assertRejected(String raw, String messagePart) throws Exception {
        String id = UUID.randomUUID().toString();
        StockTools.Result w = stock.xs("write", domain + "/data/host/" + id, raw);
        assertEquals(0, w.exitCode(), w.err());
        Optional<String> reply = HostSide.awaitReply(host, domain, id, REPLY_MS);
        assertTrue(reply.isPresent(), "no reply to " + raw + "\n" + agent.stderr());
        JsonNode node = HostSide.parse(reply.get());
        assertEquals("500", node.get("returncode").textValue(), reply.get());
        assertTrue(node.get("message").asText().contains(messagePart), reply.get() + " should mention " + messagePart);
        assertTrue(HostSide.awaitRequestRemoved(host, domain, id, REPLY_MS), "bad request " + id + " left\n" + agent.stderr());
        assertTrue(agent.process().isAlive(), "the agent died on " + raw + "\n" + agent.stderr());
    }

    @Test
    @Order(3)
    void burstOfHundredRequestsIsAnsweredExactlyOnce() throws Exception {
        // the host consumes the earlier replies: 100 ids of 37 bytes stay under the 4096-byte
        // directory payload (a longer listing breaks the connection: see XenStoreLargeDirectoryE2ETests)
        host.rm(domain + "/data/guest");
        List<String> ids = writeBurst(100);
        assertAllAnsweredOnce(ids);
        assertEquals(Set.copyOf(ids), new HashSet<>(HostSide.children(host, domain + "/data/guest")),
                "data/guest holds exactly one reply per request\n" + agent.stderr());
        assertEquals(List.of(), HostSide.children(host, domain + "/data/host"), agent.stderr());
    }

    @Test
    @Order(4)
    void daemonKilledAndRestartedMidStreamLosesNothingAndAnswersOnce() throws Exception {
        List<String> before = writeBurst(20);
        assertAllAnsweredOnce(before);

        daemon.restart();
        stage.connectHost();
        useHost();
        // written right after the restart: usually before the agent has reconnected
        List<String> after = writeBurst(20);
        assertAllAnsweredOnce(after);
        assertTrue(agent.stderr().contains("XenStore connection lost"), "no reconnect logged\n" + agent.stderr());
        assertEquals(Set.copyOf(after), new HashSet<>(HostSide.children(host, domain + "/data/guest")),
                "the fresh daemon holds exactly the new replies\n" + agent.stderr());

        // the re-armed watch (not the 60 s re-scan) answers a later call promptly
        HostReply v = sim.version();
        assertTrue(v.isSuccess(), v + "\n" + agent.stderr());
        assertTrue(v.latency().toMillis() < 5_000, "slow reply after reconnect: " + v.latency());
    }

    @Test
    @Order(5)
    void runOnceAnswersWhatIsPendingAndExitsZero() throws Exception {
        agent.close();
        assertTrue(!agent.process().isAlive());
        List<String> ids = new ArrayList<>();
        for (String name : List.of("version", "features", "nosuchcommand")) {
            String id = UUID.randomUUID().toString();
            host.write(domain + "/data/host/" + id, "{\"name\": \"" + name + "\", \"value\": \"\"}");
            ids.add(id);
        }
        AgentProcess.Result once = AgentProcess.run(Map.of(),
                RunningAgent.runArgs(dir.resolve("once"), daemon.socketPath(), root, "--once"));
        assertEquals(0, once.exitCode(), once::toString);
        List<String> codes = new ArrayList<>();
        for (String id : ids) {
            Optional<String> reply = host.read(domain + "/data/guest/" + id);
            assertTrue(reply.isPresent(), "no reply to " + id + "\n" + once);
            codes.add(HostSide.parse(reply.get()).get("returncode").asText());
        }
        assertEquals(List.of("0", "0", "404"), codes, once::toString);
        assertEquals(List.of(), HostSide.children(host, domain + "/data/host"), once::toString);
    }

    /** Writes {@code n} version requests in one transaction, so they appear at once. */
    private List<String> writeBurst(int n) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            try (var tx = host.beginTransaction()) {
                for (String id : ids) {
                    tx.write(domain + "/data/host/" + id, "{\"name\": \"version\", \"value\": \"agent\"}");
                }
                if (tx.commit()) {
                    return ids;
                }
            }
        }
        throw new AssertionError("the burst transaction kept conflicting");
    }

    private void assertAllAnsweredOnce(List<String> ids) throws Exception {
        for (String id : ids) {
            Optional<String> reply = HostSide.awaitReply(host, domain, id, REPLY_MS);
            assertTrue(reply.isPresent(), "no reply to " + id + "\n" + agent.stderr());
            assertEquals("0", HostSide.parse(reply.get()).get("returncode").textValue(), reply.get());
            assertTrue(HostSide.awaitRequestRemoved(host, domain, id, REPLY_MS), "request " + id + " left\n" + agent.stderr());
        }
        for (String id : ids) {
            assertEquals(1, HostSide.replyWrites(daemon.accessLog(), id), "reply writes of " + id + "\n" + agent.stderr());
            assertEquals(1, RunningAgent.count(agent.stderr(), "request " + id + ": answered"),
                    "the agent executed " + id + " more than once or never\n" + agent.stderr());
        }
    }

    /** @return the version in the runtime module's descriptor (what {@code version} must answer) */
    private static String expectedVersion() {
        Path[] path = Arrays.stream(AgentProcess.modulePath().split(File.pathSeparator)).map(Path::of).toArray(Path[]::new);
        return ModuleFinder.of(path).find("org.novaagent.runtime")
                .flatMap(m -> m.descriptor().rawVersion())
                .orElseThrow(() -> new AssertionError("org.novaagent.runtime has no module version"));
    }
}
