/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.novaagent.runtime.testing.FakeXenStore;
import org.novaagent.runtime.testing.FakeXenStoreClient;
import org.novaagent.runtime.testing.MutableClock;
import org.novaagent.xenstore.XenStoreException;

class StaleReplySweeperTests {

    private final FakeXenStore store = new FakeXenStore();
    private final MutableClock clock = new MutableClock();
    private final StaleReplySweeper sweeper = new StaleReplySweeper(Duration.ofSeconds(300));

    @Test
    void removesRepliesWithoutRequestOnlyAfterTheGrace() throws Exception {
        store.hostWrite("data/guest/old", "{}");
        store.hostWrite("data/guest/open", "{}");
        store.hostWrite("data/host/open", "{\"name\":\"version\"}");
        try (FakeXenStoreClient xs = store.connect()) {
            assertEquals(0, sweeper.sweep(xs, clock.instant()));
            assertEquals(1, sweeper.tracked());
            clock.advance(Duration.ofSeconds(299));
            assertEquals(0, sweeper.sweep(xs, clock.instant()));
            store.hostWrite("data/guest/young", "{}");
            clock.advance(Duration.ofSeconds(1));
            assertEquals(1, sweeper.sweep(xs, clock.instant()));
            assertEquals(List.of("open", "young"), store.children("data/guest"));
            clock.advance(Duration.ofSeconds(300));
            assertEquals(1, sweeper.sweep(xs, clock.instant()));
            assertEquals(List.of("open"), store.children("data/guest"));
        }
    }

    @Test
    void aReplyWhoseRequestComesBackIsNotRemoved() throws Exception {
        store.hostWrite("data/guest/x", "{}");
        try (FakeXenStoreClient xs = store.connect()) {
            sweeper.sweep(xs, clock.instant());
            store.hostWrite("data/host/x", "{\"name\":\"version\"}");
            clock.advance(Duration.ofSeconds(400));
            assertEquals(0, sweeper.sweep(xs, clock.instant()));
            assertEquals(0, sweeper.tracked());
            store.hostRm("data/host/x");
            clock.advance(Duration.ofSeconds(10));
            assertEquals(0, sweeper.sweep(xs, clock.instant()), "grace restarts when the request is gone again");
        }
    }

    @Test
    void forgetsRepliesRemovedByOthers() throws Exception {
        store.hostWrite("data/guest/x", "{}");
        try (FakeXenStoreClient xs = store.connect()) {
            sweeper.sweep(xs, clock.instant());
            store.hostRm("data/guest/x");
            sweeper.sweep(xs, clock.instant());
            assertEquals(0, sweeper.tracked());
        }
    }

    @Test
    void aRefusedRemovalIsKeptForTheNextSweepAndTheOthersAreStillRemoved() throws Exception {
        store.hostWrite("data/guest/a", "{}");
        store.hostWrite("data/guest/b", "{}");
        store.injectFault("rm", "data/guest/a", FakeXenStore.Fault.REFUSE);
        try (FakeXenStoreClient xs = store.connect()) {
            sweeper.sweep(xs, clock.instant());
            clock.advance(Duration.ofSeconds(300));
            assertEquals(1, sweeper.sweep(xs, clock.instant()), "b removed although a was refused");
            assertEquals(List.of("a"), store.children("data/guest"));
            assertEquals(1, sweeper.tracked());
            assertEquals(1, sweeper.sweep(xs, clock.instant()), "a removed at the next sweep");
            assertEquals(List.of(), store.children("data/guest"));
        }
    }

    @Test
    void aLostConnectionDuringARemovalIsReported() throws Exception {
        store.hostWrite("data/guest/a", "{}");
        store.injectFault("rm", "data/guest/a", FakeXenStore.Fault.BEFORE_APPLY);
        try (FakeXenStoreClient xs = store.connect()) {
            sweeper.sweep(xs, clock.instant());
            clock.advance(Duration.ofSeconds(300));
            XenStoreException e = assertThrows(XenStoreException.class, () -> sweeper.sweep(xs, clock.instant()));
            assertTrue(e.isConnectionLost());
        }
    }
}
