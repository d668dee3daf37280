/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.novaagent.runtime.testing.DaemonFixture.waitFor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.runtime.testing.DaemonFixture;
import org.novaagent.runtime.testing.FakeXenStore;
import org.novaagent.runtime.testing.MutableClock;
import org.novaagent.runtime.testing.RecordingNotifier;
import org.novaagent.runtime.testing.TestHandlers;

class AgentDaemonTests {

    private static final String VERSION_REPLY = DaemonFixture.VERSION_REPLY;

    @TempDir
    Path root;

    private final FakeXenStore store = new FakeXenStore();
    private DaemonFixture fixture;
    private TestHandlers handlers;
    private RecordingNotifier notifier;
    private MutableClock clock;

    @BeforeEach
    void setUp() {
        fixture = new DaemonFixture(root);
        handlers = fixture.handlers();
        notifier = fixture.notifier();
        clock = fixture.clock();
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    private DaemonSettings settings() {
        return DaemonSettings.defaults()
                .withTimeouts(Duration.ofSeconds(5), Map.of("stuck", Duration.ofMillis(200)))
                .withReconnect(Duration.ofMillis(10), Duration.ofMillis(80));
    }

    private AgentDaemon daemon(DaemonSettings settings) {
        return fixture.daemon(settings, store::connect);
    }

    private Future<Integer> start(DaemonSettings settings) throws Exception {
        return fixture.start(settings, store::connect);
    }

    private void request(String id, String json) {
        store.hostWrite("data/host/" + id, json);
    }

    @Test
    void onceAnswersWhatIsPendingAndReturns() throws Exception {
        request("a", "{\"name\":\"version\",\"value\":\"agent\"}");
        request("b", "{\"name\":\"nosuch\"}");
        request("c", "not json");
        assertEquals(0, daemon(settings().withOnce(true)).run());
        assertEquals(VERSION_REPLY, store.value("data/guest/a").orElseThrow());
        assertEquals("{\"returncode\":\"404\",\"message\":\"No such agent command 'nosuch'\"}",
                store.value("data/guest/b").orElseThrow());
        assertEquals("{\"returncode\":\"500\",\"message\":\"Request is malformed: not valid JSON\"}",
                store.value("data/guest/c").orElseThrow());
        assertEquals(List.of(), store.children("data/host"));
        assertTrue(notifier.messages().get(0).startsWith("READY=1"), notifier.messages().toString());
    }

    @Test
    void onceCreatesDataHostWhenMissing() throws Exception {
        assertEquals(0, daemon(settings().withOnce(true)).run());
        assertTrue(store.value("data/host").isPresent());
    }

    @Test
    void onceGivesUpWhenXenStoreIsUnreachable() throws Exception {
        store.refuseConnections(100);
        assertEquals(AgentDaemon.EXIT_UNREACHABLE, daemon(settings().withOnce(true)).run());
    }

    @Test
    void answersABurstExactlyOnceInArrivalOrder() throws Exception {
        request("pre", "{\"name\":\"version\"}");
        Future<Integer> exit = start(settings());
        assertEquals(VERSION_REPLY, store.value("data/guest/pre").orElseThrow());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String id = String.format("req-%03d", i);
            ids.add(id);
            request(id, "{\"name\":\"version\"}");
        }
        waitFor("200 replies", () -> store.children("data/guest").size() == 201);
        waitFor("requests removed", () -> store.children("data/host").isEmpty());
        List<String> expected = new ArrayList<>(List.of("pre"));
        expected.addAll(ids);
        assertEquals(expected, handlers.served());
        for (String id : ids) {
            assertEquals(1, store.count("write", "data/guest/" + id), id);
        }
        fixture.daemon().requestStop();
        assertEquals(0, exit.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aStuckHandlerDoesNotBlockTheNextRequest() throws Exception {
        start(settings());
        request("s", "{\"name\":\"stuck\"}");
        request("v", "{\"name\":\"version\"}");
        waitFor("reply to v", () -> store.value("data/guest/v").isPresent());
        assertEquals("{\"returncode\":\"500\",\"message\":\"Command 'stuck' timed out after 0.2s\"}",
                store.value("data/guest/s").orElseThrow());
        assertEquals(VERSION_REPLY, store.value("data/guest/v").orElseThrow());
    }

    @Test
    void reconnectsAfterTheConnectionDropsAndLosesNothing() throws Exception {
        start(settings());
        for (int round = 0; round < 5; round++) {
            int connections = store.connectionCount();
            for (int i = 0; i < 20; i++) {
                request("r" + round + "-" + i, "{\"name\":\"version\"}");
            }
            store.dropAllConnections();
            store.refuseConnections(2);
            for (int i = 20; i < 40; i++) {
                request("r" + round + "-" + i, "{\"name\":\"version\"}");
            }
            waitFor("reconnection", () -> store.connectionCount() > connections);
        }
        waitFor("all 200 replies", () -> store.children("data/guest").size() == 200);
        waitFor("requests removed", () -> store.children("data/host").isEmpty());
        for (String id : store.children("data/guest")) {
            assertEquals(1, store.count("write", "data/guest/" + id), id);
            assertEquals(VERSION_REPLY, store.value("data/guest/" + id).orElseThrow());
        }
        assertEquals(200, handlers.served().size());
        assertTrue(store.connectionCount() >= 6, "connections: " + store.connectionCount());
    }

    @Test
    void aConnectionLostBetweenReplyAndRemovalIsNotAnsweredTwice() throws Exception {
        start(settings());
        store.injectFault("rm", "data/host/x", FakeXenStore.Fault.AFTER_APPLY);
        store.injectFault("rm", "data/host/y", FakeXenStore.Fault.BEFORE_APPLY);
        request("x", "{\"name\":\"version\"}");
        request("y", "{\"name\":\"version\"}");
        waitFor("requests removed", () -> store.value("data/guest/y").isPresent()
                && store.children("data/host").isEmpty());
        assertEquals(1, store.count("write", "data/guest/x"));
        assertEquals(1, store.count("write", "data/guest/y"));
        assertEquals(List.of("x", "y"), handlers.served());
    }

    @Test
    void removesStaleRepliesAfterTheGrace() throws Exception {
        store.hostWrite("data/guest/consumed", VERSION_REPLY);
        start(settings().withRescan(Duration.ofMillis(20), Duration.ofSeconds(300)));
        Thread.sleep(100);
        assertTrue(store.value("data/guest/consumed").isPresent(), "removed before the grace");
        clock.advance(Duration.ofSeconds(301));
        waitFor("stale reply removed", () -> store.value("data/guest/consumed").isEmpty());
    }

    @Test
    void refusedOperationsDoNotBreakTheSession() throws Exception {
        store.hostWrite("data/guest/consumed", VERSION_REPLY);
        store.injectFault("rm", "data/guest/consumed", FakeXenStore.Fault.REFUSE);
        store.injectFault("read", "data/host/denied", FakeXenStore.Fault.REFUSE);
        start(settings().withRescan(Duration.ofMillis(20), Duration.ofSeconds(1)));
        request("denied", "{\"name\":\"version\"}");
        clock.advance(Duration.ofSeconds(2));
        request("after", "{\"name\":\"version\"}");
        waitFor("later requests answered", () -> store.value("data/guest/after").isPresent()
                && store.value("data/guest/denied").isPresent());
        waitFor("stale reply removed on a later sweep", () -> store.value("data/guest/consumed").isEmpty());
        assertEquals(1, store.connectionCount());
    }

    @Test
    void aRefusedListingOfRequestsIsRetriedWithoutReconnecting() throws Exception {
        request("pre", "{\"name\":\"version\"}"); // no watch event names it: only a listing finds it
        store.injectFault("directory", "data/host", FakeXenStore.Fault.REFUSE); // the start-up scan
        start(settings().withRescan(Duration.ofMillis(20), Duration.ofSeconds(300)));
        request("named", "{\"name\":\"version\"}"); // named by its event: answered without a listing
        waitFor("both answered, pre by a later re-scan", () -> store.value("data/guest/pre").isPresent()
                && store.value("data/guest/named").isPresent());
        assertEquals(1, store.connectionCount(), "the session went on");
    }

    @Test
    void aRefusedListingOfRepliesDoesNotEndTheSession() throws Exception {
        store.hostWrite("data/guest/consumed", VERSION_REPLY);
        store.injectFault("directory", "data/guest", FakeXenStore.Fault.REFUSE);
        start(settings().withRescan(Duration.ofMillis(20), Duration.ofSeconds(1)));
        waitFor("stale reply removed by later sweeps", () -> {
            clock.advance(Duration.ofMillis(100)); // noted stale by one sweep, removed by a later one
            return store.value("data/guest/consumed").isEmpty();
        });
        request("after", "{\"name\":\"version\"}");
        waitFor("later request answered", () -> store.value("data/guest/after").isPresent());
        assertEquals(1, store.connectionCount());
    }

    @Test
    void stopsWhenIdleAndSaysSo() throws Exception {
        Future<Integer> exit = start(settings());
        fixture.daemon().requestStop();
        assertEquals(0, exit.get(5, TimeUnit.SECONDS));
        List<String> messages = notifier.messages();
        assertTrue(messages.get(0).startsWith("READY=1\n"), messages.toString());
        assertEquals("STOPPING=1", messages.get(messages.size() - 1));
        assertEquals(1, messages.stream().filter(m -> m.startsWith("READY=1")).count());
    }

    @Test
    void aStopFinishesTheRequestInProgress() throws Exception {
        Future<Integer> exit = start(settings());
        request("slow", "{\"name\":\"sleep\",\"value\":\"300\"}");
        request("after", "{\"name\":\"version\"}");
        waitFor("slow request started", () -> handlers.calls() == 1);
        fixture.daemon().requestStop();
        assertEquals(0, exit.get(5, TimeUnit.SECONDS));
        assertEquals("{\"returncode\":\"0\",\"message\":\"slept\"}", store.value("data/guest/slow").orElseThrow());
        assertTrue(store.value("data/host/slow").isEmpty());
        assertFalse(store.value("data/guest/after").isPresent(), "a new request was started after the stop");
        assertTrue(store.value("data/host/after").isPresent(), "left for the next start");
    }

    @Test
    void staysUpThroughALongOutage() throws Exception {
        start(settings());
        store.refuseConnections(20);
        store.dropAllConnections();
        request("late", "{\"name\":\"version\"}");
        waitFor("reply after the outage", () -> store.value("data/guest/late").isPresent());
        assertTrue(notifier.messages().contains("STATUS=Reconnecting to XenStore"));
    }
}
