/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.novaagent.runtime.testing.DaemonFixture.waitFor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.runtime.protocol.RequestCodec;
import org.novaagent.runtime.testing.DaemonFixture;
import org.novaagent.runtime.testing.FakeXenStore;
import org.novaagent.runtime.testing.TestHandlers;
import org.novaagent.runtime.testing.TestRouters;

/**
 * Arrival order comes from watch events, not from listings: through {@link SortingXenStoreClient}
 * (listings sorted by name, as upstream oxenstored returns them, or refused with E2BIG) over the
 * in-memory fake, whose operation log shows the order in which replies were written.
 */
class AgentDaemonArrivalOrderTests {

    private static final String VERSION = "{\"name\":\"version\"}";
    private static final String REPLY_PREFIX = "write " + FakeXenStore.DOMAIN_PATH + "/data/guest/";

    @TempDir
    Path root;

    private final FakeXenStore store = new FakeXenStore();
    private final AtomicBoolean refuseListing = new AtomicBoolean();
    private DaemonFixture fixture;
    private TestHandlers handlers;

    @BeforeEach
    void setUp() {
        fixture = new DaemonFixture(root);
        handlers = fixture.handlers();
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    private XenStoreFactory sorting() {
        return () -> new SortingXenStoreClient(store.connect(), refuseListing::get);
    }

    private AgentDaemon daemon(Duration rescan, boolean once) {
        return fixture.daemon(settings(rescan, once), sorting());
    }

    private void start(Duration rescan) throws Exception {
        fixture.start(settings(rescan, false), sorting());
    }

    private static DaemonSettings settings(Duration rescan, boolean once) {
        return DaemonSettings.defaults()
                .withTimeouts(Duration.ofSeconds(5), Map.of())
                .withReconnect(Duration.ofMillis(10), Duration.ofMillis(80))
                .withRescan(rescan, Duration.ofSeconds(300))
                .withOnce(once);
    }

    /** @return the ids whose reply was written, in the order of the writes */
    private List<String> replyOrder() {
        return store.operations().stream().filter(op -> op.startsWith(REPLY_PREFIX))
                .map(op -> op.substring(REPLY_PREFIX.length())).toList();
    }

    /** Ids whose name order is not their write order: z-000, a-001, m-002, z-003... */
    private static List<String> shuffledIds(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("zam".charAt(i % 3) + String.format("-%03d", i));
        }
        return ids;
    }

    @Test
    void aBurstWrittenWhileBusyIsAnsweredInEventOrderNotInListingOrder() throws Exception {
        start(Duration.ofMillis(30)); // frequent re-scans list everything, sorted
        store.hostWrite("data/host/busy", "{\"name\":\"sleep\",\"value\":\"200\"}");
        waitFor("busy started", () -> handlers.calls() == 1);
        List<String> ids = shuffledIds(30);
        for (String id : ids) {
            store.hostWrite("data/host/" + id, VERSION);
        }
        waitFor("31 replies", () -> replyOrder().size() == 31);
        List<String> expected = new ArrayList<>(List.of("busy"));
        expected.addAll(ids);
        assertEquals(expected, replyOrder());
        assertEquals(ids, handlers.served());
    }

    @Test
    void requestsPresentBeforeStartUpGoInListingOrder() throws Exception {
        for (String id : List.of("c-pre", "a-pre", "b-pre")) {
            store.hostWrite("data/host/" + id, VERSION);
        }
        assertEquals(0, daemon(Duration.ofSeconds(60), true).run());
        assertEquals(List.of("a-pre", "b-pre", "c-pre"), replyOrder());
    }

    @Test
    void idsNamedByEventsGoBeforeIdsOnlyTheListingFound() throws Exception {
        for (String id : List.of("c-pre", "a-pre")) {
            store.hostWrite("data/host/" + id, VERSION);
        }
        try (RequestProcessor processor = new RequestProcessor(new RequestCodec(),
                TestRouters.of(handlers.all(), root), DaemonSettings.defaults());
             SortingXenStoreClient xs = new SortingXenStoreClient(store.connect(), () -> false)) {
            RequestScheduler scheduler = new RequestScheduler(processor, new StopSignal());
            scheduler.begin(xs);
            xs.watch(RequestProcessor.HOST_DIR, AgentDaemon.WATCH_TOKEN);
            store.hostWrite("data/host/z-new", VERSION); // events, received before the listing
            store.hostWrite("data/host/b-new", VERSION);
            scheduler.scan(xs);
            assertEquals(List.of(), scheduler.queued());
        }
        assertEquals(List.of("z-new", "b-new", "a-pre", "c-pre"), replyOrder());
    }

    @Test
    void eventsOfOurOwnRemovalsCostOneReadAndNoListing() throws Exception {
        start(Duration.ofSeconds(60));
        long listings = store.count("directory", "data/host");
        List<String> ids = shuffledIds(20);
        for (String id : ids) {
            store.hostWrite("data/host/" + id, VERSION);
        }
        waitFor("20 requests removed", () -> ids.stream().allMatch(id -> store.count("read", "data/host/" + id) == 2));
        assertEquals(listings, store.count("directory", "data/host"), "events named the requests");
        for (String id : ids) {
            assertEquals(1, store.count("write", "data/guest/" + id), id);
            assertEquals(1, store.count("rm", "data/host/" + id), id);
        }
        assertEquals(ids, replyOrder());
    }

    @Test
    void anEventBelowARequestOrOnDataHostItselfTriggersAListing() throws Exception {
        start(Duration.ofSeconds(60));
        long listings = store.count("directory", "data/host");
        store.hostWrite("data/host/odd/child", "x");
        waitFor("a listing", () -> store.count("directory", "data/host") > listings);
        long after = store.count("directory", "data/host");
        store.hostRm("data/host");
        waitFor("another listing", () -> store.count("directory", "data/host") > after);
    }

    @Test
    void whenTheListingIsRefusedEventsStillGetEveryRequestAnswered() throws Exception {
        refuseListing.set(true);
        store.hostWrite("data/host/pre", VERSION); // no event: needs a listing
        start(Duration.ofMillis(30));
        List<String> ids = shuffledIds(150);
        for (String id : ids) {
            store.hostWrite("data/host/" + id, VERSION);
        }
        waitFor("150 replies", () -> replyOrder().size() == 150);
        assertEquals(ids, replyOrder());
        assertFalse(store.value("data/guest/pre").isPresent(), "only a listing can find it");
        assertEquals(1, store.connectionCount(), "the session went on");
        refuseListing.set(false);
        waitFor("pre answered by a re-scan", () -> store.value("data/guest/pre").isPresent());
        assertEquals(151, handlers.served().size());
    }
}
