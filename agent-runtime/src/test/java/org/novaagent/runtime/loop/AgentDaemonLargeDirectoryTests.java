/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.runtime.testing.DaemonFixture;
import org.novaagent.runtime.testing.MutableClock;
import org.novaagent.runtime.testing.RecordingNotifier;
import org.novaagent.runtime.testing.TestHandlers;
import org.novaagent.xenstore.sim.ClientKind;
import org.novaagent.xenstore.sim.EmbeddedXenStore;

/**
 * The loop with directories longer than one 4096-byte xenbus message, through the real client:
 * a privileged connection (one long DIRECTORY reply), a guest (E2BIG, DIRECTORY_PART chunks) and
 * a guest on a daemon without DIRECTORY_PART (the listing fails; the session must go on).
 */
class AgentDaemonLargeDirectoryTests {

    private static final String VERSION_REPLY = DaemonFixture.VERSION_REPLY;

    @TempDir
    Path dir;

    private EmbeddedXenStore xenstore;
    private DaemonFixture fixture;
    private TestHandlers handlers;
    private RecordingNotifier notifier;
    private MutableClock clock;

    @BeforeEach
    void setUp() {
        fixture = new DaemonFixture(dir);
        handlers = fixture.handlers();
        notifier = fixture.notifier();
        clock = fixture.clock();
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
        if (xenstore != null) {
            xenstore.close();
        }
    }

    private void start(ClientKind kind) throws Exception {
        DaemonSettings settings = DaemonSettings.defaults()
                .withXenStorePath(Optional.of(xenstore.socketPath()))
                .withTimeouts(Duration.ofSeconds(5), Map.of())
                .withReconnect(Duration.ofMillis(20), Duration.ofMillis(200))
                .withRescan(Duration.ofMillis(50), Duration.ofSeconds(300));
        fixture.start(settings, XenStoreFactory.searching(settings.xenStorePath()), Duration.ofSeconds(20));
    }

    private List<String> write(String parent, int n, String value) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = UUID.randomUUID().toString();
            xenstore.write(parent + "/" + id, value);
            ids.add(id);
        }
        return ids;
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        DaemonFixture.waitFor(what, Duration.ofSeconds(30), condition);
    }

    /** 150 pending requests and 200 old replies: every request answered once, old replies swept after the grace. */
    private void answersEverythingAndSweeps(ClientKind kind) throws Exception {
        xenstore = EmbeddedXenStore.start(dir.resolve("xs.sock"), 9, kind);
        List<String> old = write("data/guest", 200, VERSION_REPLY);
        List<String> ids = write("data/host", 150, "{\"name\":\"version\"}");
        start(kind);
        waitFor("150 requests removed", () -> xenstore.directory("data/host").isEmpty());
        assertEquals(150, handlers.served().size(), "each request ran exactly once");
        for (String id : ids) {
            assertEquals(VERSION_REPLY, xenstore.read("data/guest/" + id).orElseThrow(), id);
        }
        assertEquals(350, xenstore.directory("data/guest").size());
        clock.advance(Duration.ofSeconds(301));
        waitFor("all 350 replies swept", () -> xenstore.directory("data/guest").isEmpty());
        assertFalse(notifier.messages().contains("STATUS=Reconnecting to XenStore"), notifier.messages().toString());
        assertTrue(new HashSet<>(old).size() == 200);
    }

    @Test
    void aPrivilegedConnectionGetsLongListingsInOneReply() throws Exception {
        answersEverythingAndSweeps(ClientKind.PRIVILEGED);
    }

    @Test
    void aGuestConnectionListsInDirectoryPartChunks() throws Exception {
        answersEverythingAndSweeps(ClientKind.GUEST);
    }

    @Test
    void withoutDirectoryPartAnUnlistableReplyDirectoryDoesNotEndTheSession() throws Exception {
        xenstore = EmbeddedXenStore.start(dir.resolve("xs.sock"), 9, ClientKind.GUEST_WITHOUT_DIRECTORY_PART);
        write("data/guest", 200, VERSION_REPLY); // 7,400 bytes: the sweep cannot list it
        start(ClientKind.GUEST_WITHOUT_DIRECTORY_PART);
        Thread.sleep(300); // several re-scans and sweeps
        xenstore.write("data/host/later", "{\"name\":\"version\"}");
        waitFor("reply", () -> xenstore.read("data/guest/later").isPresent());
        assertEquals(VERSION_REPLY, xenstore.read("data/guest/later").orElseThrow());
        assertEquals(1, handlers.served().size());
        assertFalse(notifier.messages().contains("STATUS=Reconnecting to XenStore"), notifier.messages().toString());
        assertEquals(1, xenstore.connectionCount());
    }

    /**
     * A guest without DIRECTORY_PART whose {@code data/host} cannot be listed (120 unanswered
     * requests from before start-up, 4,440 bytes): the 150 requests written after start-up are
     * named by their watch events and answered, once each, in write order (UUIDs: not name order).
     */
    @Test
    void withoutDirectoryPartEventsAnswerRequestsWhenTheListingIsRefused() throws Exception {
        xenstore = EmbeddedXenStore.start(dir.resolve("xs.sock"), 9, ClientKind.GUEST_WITHOUT_DIRECTORY_PART);
        List<String> before = write("data/host", 120, "{\"name\":\"version\"}");
        start(ClientKind.GUEST_WITHOUT_DIRECTORY_PART);
        List<String> ids = write("data/host", 150, "{\"name\":\"version\"}");
        waitFor("150 replies", () -> ids.stream().allMatch(id -> xenstore.read("data/guest/" + id).isPresent()));
        assertEquals(ids, handlers.served(), "each answered once, in write order");
        assertEquals(new HashSet<>(before), new HashSet<>(xenstore.directory("data/host")),
                "requests from before start-up need a listing");
        for (String id : before.subList(0, 100)) {
            xenstore.rm("data/host/" + id);
        }
        waitFor("the 20 left answered once the listing fits", () -> xenstore.directory("data/host").isEmpty());
        // The agent may list (and answer) some of the 100 while they are still being removed one by one;
        // what must hold is that every request ran at most once and the 20 never removed ran.
        List<String> served = handlers.served();
        assertEquals(served.size(), new HashSet<>(served).size(), "no request ran twice: " + served);
        assertTrue(served.containsAll(before.subList(100, 120)), "the 20 left were answered");
        assertTrue(served.size() >= 170 && served.size() <= 270, "only requests that were written ran: " + served.size());
        assertEquals(1, xenstore.connectionCount(), "no reconnect");
    }
}
