/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.novaagent.runtime.testing.DaemonFixture.waitFor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.runtime.testing.DaemonFixture;
import org.novaagent.runtime.testing.FakeXenStore;
import org.novaagent.runtime.testing.RecordingNotifier;

/**
 * When the agent tells systemd it is ready (issue #11): once the watch is armed and pending
 * requests are answered, or, when XenStore cannot be reached, after {@link DaemonSettings#readyWait()}
 * with a status saying why it is idle, so a boot without XenStore is not held up.
 */
class AgentDaemonReadinessTests {

    @TempDir
    Path root;

    private final FakeXenStore store = new FakeXenStore();
    private DaemonFixture fixture;
    private RecordingNotifier notifier;

    @BeforeEach
    void setUp() {
        fixture = new DaemonFixture(root);
        notifier = fixture.notifier();
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    private DaemonSettings settings(Duration readyWait) {
        return DaemonSettings.defaults().withReconnect(Duration.ofMillis(10), Duration.ofMillis(40)).withReadyWait(readyWait);
    }

    private void runInBackground(DaemonSettings settings) {
        AgentDaemon daemon = fixture.daemon(settings, store::connect);
        Thread t = new Thread(() -> {
            try {
                daemon.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "readiness-test-daemon");
        t.setDaemon(true);
        t.start();
    }

    private List<String> readyMessages() {
        return notifier.messages().stream().filter(m -> m.startsWith("READY=1")).toList();
    }

    @Test
    void withXenStoreReadyMeansTheWatchIsArmed() throws Exception {
        store.hostWrite("data/host/pending", "{\"name\":\"version\"}");
        fixture.start(settings(Duration.ofSeconds(10)), store::connect);
        assertEquals(List.of("READY=1\nSTATUS=Watching data/host"), readyMessages());
        assertTrue(store.value("data/guest/pending").isPresent(), "pending request answered before READY");
        assertTrue(notifier.messages().stream().noneMatch(m -> m.contains("Idle")), notifier.messages().toString());
    }

    @Test
    void withoutXenStoreReadyComesAfterTheBoundedWaitAndTheStatusSaysWhy() throws Exception {
        store.refuseConnections(Integer.MAX_VALUE);
        long start = System.nanoTime();
        runInBackground(settings(Duration.ofMillis(300)));
        waitFor("READY=1 without XenStore", Duration.ofSeconds(5), () -> !readyMessages().isEmpty());
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos(), "not before the wait");
        String ready = readyMessages().get(0);
        assertTrue(ready.startsWith("READY=1\nSTATUS=Idle: no XenStore (connection refused (fake)); retrying every"), ready);
        assertTrue(notifier.messages().indexOf(ready) > 0, "a status said why before READY: " + notifier.messages());
        assertFalse(fixture.daemon().awaitReady(Duration.ZERO), "the watch is not armed");
    }

    @Test
    void whenXenStoreAppearsLaterTheAgentWatchesAndSendsReadyOnlyOnce() throws Exception {
        store.refuseConnections(Integer.MAX_VALUE);
        runInBackground(settings(Duration.ZERO));
        waitFor("READY=1 without XenStore", Duration.ofSeconds(5), () -> !readyMessages().isEmpty());
        store.refuseConnections(0);
        store.hostWrite("data/host/late", "{\"name\":\"version\"}");
        assertTrue(fixture.daemon().awaitReady(Duration.ofSeconds(5)), "watch armed once XenStore is there");
        waitFor("reply", () -> store.value("data/guest/late").isPresent());
        assertEquals(1, readyMessages().size(), notifier.messages().toString());
        assertTrue(notifier.messages().contains("STATUS=Watching data/host"), notifier.messages().toString());
    }

    @Test
    void withinTheWaitOnlyTheStatusChanges() throws Exception {
        store.refuseConnections(Integer.MAX_VALUE);
        runInBackground(settings(Duration.ofSeconds(30)));
        waitFor("idle status", () -> notifier.messages().stream().anyMatch(m -> m.startsWith("STATUS=Idle: no XenStore")));
        Thread.sleep(200);
        assertTrue(readyMessages().isEmpty(), notifier.messages().toString());
    }
}
