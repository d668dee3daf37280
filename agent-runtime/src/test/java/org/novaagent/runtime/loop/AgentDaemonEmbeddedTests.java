/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.novaagent.runtime.testing.DaemonFixture.waitFor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.runtime.testing.DaemonFixture;
import org.novaagent.runtime.testing.MutableClock;
import org.novaagent.runtime.testing.RecordingNotifier;
import org.novaagent.runtime.testing.TestHandlers;
import org.novaagent.xenstore.sim.EmbeddedXenStore;

/** The daemon against the embedded XenStore over a real Unix socket, through the real client. */
class AgentDaemonEmbeddedTests {

    private static final String VERSION_REPLY = DaemonFixture.VERSION_REPLY;

    @TempDir
    Path dir;

    private EmbeddedXenStore xenstore;
    private DaemonFixture fixture;
    private TestHandlers handlers;
    private RecordingNotifier notifier;
    private MutableClock clock;

    @BeforeEach
    void startXenStore() throws Exception {
        fixture = new DaemonFixture(dir);
        handlers = fixture.handlers();
        notifier = fixture.notifier();
        clock = fixture.clock();
        xenstore = EmbeddedXenStore.start(dir.resolve("xenstored.sock"), 42);
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
        xenstore.close();
    }

    private DaemonSettings settings() {
        return DaemonSettings.defaults()
                .withXenStorePath(Optional.of(xenstore.socketPath()))
                .withTimeouts(Duration.ofSeconds(5), Map.of("stuck", Duration.ofMillis(300)))
                .withReconnect(Duration.ofMillis(20), Duration.ofMillis(200));
    }

    private AgentDaemon daemon(DaemonSettings settings) {
        return fixture.daemon(settings, XenStoreFactory.searching(settings.xenStorePath()));
    }

    private Future<Integer> start(DaemonSettings settings) throws Exception {
        return fixture.start(settings, XenStoreFactory.searching(settings.xenStorePath()));
    }

    private void request(String id, String json) {
        xenstore.write("data/host/" + id, json);
    }

    private Optional<String> reply(String id) {
        return xenstore.read("data/guest/" + id);
    }

    @Test
    void onceAnswersPendingRequestsUnderTheDomainHome() throws Exception {
        request("a", "{\"name\": \"version\", \"value\": \"agent\"}");
        request("b", "{\"name\": \"agentupdate\", \"value\": \"\"}");
        request("c", "{\"name\": \"version\"");
        request("d", "{\"value\": \"agent\"}");
        assertEquals(0, daemon(settings().withOnce(true)).run());
        assertEquals(VERSION_REPLY, xenstore.read("/local/domain/42/data/guest/a").orElseThrow());
        assertEquals("{\"returncode\":\"404\",\"message\":\"No such agent command 'agentupdate'\"}",
                reply("b").orElseThrow());
        assertEquals("{\"returncode\":\"500\",\"message\":\"Request is malformed: not valid JSON\"}",
                reply("c").orElseThrow());
        assertEquals("{\"returncode\":\"500\",\"message\":\"Request is missing 'name' key\"}",
                reply("d").orElseThrow());
        assertEquals(List.of(), xenstore.directory("data/host"));
    }

    @Test
    void answersABurstInOrder() throws Exception {
        start(settings());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String id = String.format("burst-%03d", i);
            ids.add(id);
            request(id, "{\"name\":\"version\",\"value\":\"agent\"}");
        }
        waitFor("200 replies", () -> xenstore.directory("data/guest").size() == 200);
        waitFor("requests removed", () -> xenstore.directory("data/host").isEmpty());
        assertEquals(ids, handlers.served());
        for (String id : ids) {
            assertEquals(VERSION_REPLY, reply(id).orElseThrow(), id);
        }
    }

    @Test
    void aStuckHandlerTimesOutAndTheNextRequestIsAnswered() throws Exception {
        start(settings());
        request("s", "{\"name\":\"stuck\"}");
        request("v", "{\"name\":\"version\"}");
        waitFor("reply to v", () -> reply("v").isPresent());
        assertEquals("{\"returncode\":\"500\",\"message\":\"Command 'stuck' timed out after 0.3s\"}",
                reply("s").orElseThrow());
    }

    @Test
    void survivesDaemonRestartsMidStreamWithoutLossOrDoubleAnswers() throws Exception {
        start(settings());
        List<String> ids = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < 25; i++) {
                String id = "r" + round + "-" + i;
                ids.add(id);
                request(id, "{\"name\":\"version\"}");
                if (i == 12) {
                    xenstore.restart(true);
                }
            }
        }
        waitFor("100 replies", () -> xenstore.directory("data/guest").size() == 100);
        waitFor("requests removed", () -> xenstore.directory("data/host").isEmpty());
        List<String> served = handlers.served();
        assertEquals(ids.size(), served.size(), "some request ran twice or never: " + served);
        assertEquals(new java.util.HashSet<>(ids), new java.util.HashSet<>(served));
        assertTrue(notifier.messages().contains("STATUS=Reconnecting to XenStore"), "never reconnected");
    }

    @Test
    void answersRequestsWrittenWhileDisconnected() throws Exception {
        start(settings());
        xenstore.close();
        request("offline", "{\"name\":\"version\"}");
        Thread.sleep(100);
        xenstore = EmbeddedXenStore.start(dir.resolve("xenstored.sock"), 42);
        request("offline", "{\"name\":\"version\"}");
        waitFor("reply after reconnect", () -> reply("offline").isPresent());
        assertEquals(VERSION_REPLY, reply("offline").orElseThrow());
        assertTrue(notifier.messages().contains("STATUS=Reconnecting to XenStore"), "never reconnected");
    }

    @Test
    void removesStaleRepliesAfterTheGrace() throws Exception {
        xenstore.write("data/guest/consumed", VERSION_REPLY);
        start(settings().withRescan(Duration.ofMillis(20), Duration.ofSeconds(300)));
        request("fresh", "{\"name\":\"version\"}");
        waitFor("reply", () -> reply("fresh").isPresent());
        clock.advance(Duration.ofSeconds(299));
        Thread.sleep(100);
        assertTrue(reply("consumed").isPresent(), "removed before the grace");
        clock.advance(Duration.ofSeconds(2));
        waitFor("stale reply removed", () -> reply("consumed").isEmpty());
        clock.advance(Duration.ofSeconds(300));
        waitFor("second stale reply removed", () -> reply("fresh").isEmpty());
    }

    @Test
    void notifiesReadyThenStopping() throws Exception {
        Future<Integer> exit = start(settings());
        fixture.daemon().requestStop();
        assertEquals(0, exit.get(5, TimeUnit.SECONDS));
        assertEquals(List.of("READY=1\nSTATUS=Watching data/host", "STOPPING=1"), notifier.messages());
    }
}
