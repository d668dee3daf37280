/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.xenstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.xenstore.TransactionalXenStoreClient;
import org.novaagent.xenstore.WatchEvent;
import org.novaagent.xenstore.XenStoreConnector;
import org.novaagent.xenstore.XenStoreException;
import org.novaagent.xenstore.XenStoreTransaction;
import org.novaagent.xenstore.sim.EmbeddedXenStore;

/** The embedded server driven by our wire client: operations, watches, transactions, restart. */
class EmbeddedXenStoreTests {

    @TempDir
    Path dir;
    EmbeddedXenStore store;

    @BeforeEach
    void start() throws Exception {
        store = EmbeddedXenStore.start(dir.resolve("xs.sock"), 7);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    TransactionalXenStoreClient connect() throws XenStoreException {
        return XenStoreConnector.open(Optional.of(store.socketPath()));
    }

    @Test
    void relativePathsResolveUnderTheConfiguredDomain() throws Exception {
        try (var c = connect()) {
            assertEquals("/local/domain/7", c.domainPath());
            c.write("data/guest/1", "r");
            assertEquals(Optional.of("r"), store.read("/local/domain/7/data/guest/1"));
            assertEquals(Optional.of("r"), c.read("/local/domain/7/data/guest/1"));
            store.write("data/host/2", "{\"name\":\"version\"}");
            assertEquals(List.of("2"), c.directory("data/host"));
            c.mkdir("empty");
            assertEquals(Optional.of(""), c.read("empty"));
            c.rm("data");
            assertEquals(List.of(), store.directory("data"));
            assertEquals(Optional.empty(), c.read("data/guest/1"));
            c.rm("data"); // missing: fine
        }
    }

    @Test
    void errorRepliesForBadPaths() throws Exception {
        try (var c = connect()) {
            assertEquals("EINVAL", assertThrows(XenStoreException.class, () -> c.write("bad path", "x")).errno());
            assertEquals("EINVAL", assertThrows(XenStoreException.class, () -> c.read("/a//b")).errno());
            assertTrue(c.isOpen());
        }
    }

    @Test
    void watchesFireOnEveryConnectionWithAMatchingWatch() throws Exception {
        try (var a = connect(); var b = connect(); var writer = connect()) {
            a.watch("data/host", "ta");
            b.watch("/local/domain/7/data", "tb");
            assertEquals(Optional.of(new WatchEvent("data/host", "ta")), a.awaitEvent(Duration.ofSeconds(2)));
            assertEquals(Optional.of(new WatchEvent("/local/domain/7/data", "tb")), b.awaitEvent(Duration.ofSeconds(2)));
            writer.write("data/host/x", "1");
            assertEquals(Optional.of(new WatchEvent("data/host/x", "ta")), a.awaitEvent(Duration.ofSeconds(2)), "relative watch, relative path");
            assertEquals(Optional.of(new WatchEvent("/local/domain/7/data/host/x", "tb")), b.awaitEvent(Duration.ofSeconds(2)));
            writer.write("other", "1");
            writer.rm("data");
            assertEquals(Optional.of(new WatchEvent("data/host", "ta")), a.awaitEvent(Duration.ofSeconds(2)), "rm of a parent fires the watch");
            assertEquals(Optional.of(new WatchEvent("/local/domain/7/data", "tb")), b.awaitEvent(Duration.ofSeconds(2)));
            a.unwatch("data/host", "ta");
            writer.write("data/host/y", "1");
            assertEquals(Optional.empty(), a.awaitEvent(Duration.ofMillis(200)));
        }
    }

    @Test
    void transactionsAreIsolatedUntilCommitAndAbortDiscards() throws Exception {
        try (var c = connect(); var other = connect()) {
            try (XenStoreTransaction tx = c.beginTransaction()) {
                tx.write("t/a", "1");
                assertEquals(Optional.of("1"), tx.read("t/a"));
                assertEquals(Optional.empty(), other.read("t/a"));
                assertTrue(tx.commit());
            }
            assertEquals(Optional.of("1"), other.read("t/a"));
            try (XenStoreTransaction tx = c.beginTransaction()) {
                tx.rm("t");
            }
            assertEquals(Optional.of("1"), other.read("t/a"));
        }
    }

    @Test
    void manyConcurrentConnections() throws Exception {
        List<TransactionalXenStoreClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                clients.add(connect());
            }
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                var c = clients.get(i);
                int id = i;
                threads.add(new Thread(() -> {
                    try {
                        for (int j = 0; j < 50; j++) {
                            c.write("c/" + id + "/" + j, "v");
                        }
                    } catch (XenStoreException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(20, store.directory("c").size());
            assertEquals(50, store.directory("c/19").size());
            assertEquals(20, store.connectionCount());
        } finally {
            clients.forEach(TransactionalXenStoreClient::close);
        }
    }

    @Test
    void restartDropsConnectionsAndKeepsOrClearsData() throws Exception {
        var c = connect();
        c.write("keep", "1");
        c.watch("keep", "t");
        c.awaitEvent(Duration.ofSeconds(1));
        store.restart(true);
        assertTrue(assertThrows(XenStoreException.class, () -> c.awaitEvent(Duration.ofSeconds(2))).isConnectionLost());
        assertFalse(c.isOpen());
        try (var again = connect()) {
            assertEquals(Optional.of("1"), again.read("keep"));
        }
        store.restart(false);
        try (var fresh = connect()) {
            assertEquals(Optional.empty(), fresh.read("keep"));
            assertEquals("/local/domain/7", fresh.domainPath());
        }
    }

    @Test
    void closeRemovesTheSocket() {
        store.close();
        assertFalse(Files.exists(store.socketPath()));
        assertThrows(XenStoreException.class, this::connect);
    }
}
