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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.xenstore.TransactionalXenStoreClient;
import org.novaagent.xenstore.WatchEvent;
import org.novaagent.xenstore.XenStoreConnector;
import org.novaagent.xenstore.XenStoreException;
import org.novaagent.xenstore.XenStoreTransaction;

/** Our xenbus client against the real oxenstored: every operation, errors, limits and concurrency. */
class OxenstoredClientTests {

    @TempDir
    static Path dir;
    static Oxenstored daemon;
    TransactionalXenStoreClient client;

    @BeforeAll
    static void startDaemon() throws Exception {
        daemon = Oxenstored.start(dir);
    }

    @AfterAll
    static void stopDaemon() {
        if (daemon != null) {
            daemon.close();
        }
    }

    @BeforeEach
    void connect() throws Exception {
        client = XenStoreConnector.open(Optional.of(daemon.socketPath()));
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void domainPathOfASocketConnectionIsDom0() throws Exception {
        assertEquals("/local/domain/0", client.domainPath());
    }

    @Test
    void writeReadDirectoryRmWithRelativeAndAbsolutePaths() throws Exception {
        client.write("rw/guest/t1", "{\"returncode\":\"0\"}");
        assertEquals(Optional.of("{\"returncode\":\"0\"}"), client.read("/local/domain/0/rw/guest/t1"));
        client.write("/local/domain/0/rw/guest/t2", "");
        assertEquals(List.of("t1", "t2"), client.directory("rw/guest"));
        client.rm("rw/guest/t1");
        assertEquals(Optional.empty(), client.read("rw/guest/t1"));
        assertEquals(List.of("t2"), client.directory("/local/domain/0/rw/guest"));
        client.rm("rw");
    }

    @Test
    void missingKeysAreTypedResults() throws Exception {
        assertEquals(Optional.empty(), client.read("no/such/key"));
        assertEquals(Optional.empty(), client.readBytes("/no/such"));
        assertEquals(List.of(), client.directory("no/such/dir"));
        client.rm("no/such/key"); // not an error
        client.mkdir("made/here");
        assertEquals(Optional.of(""), client.read("made/here"));
        client.rm("made");
    }

    @Test
    void errorRepliesCarryTheErrnoName() {
        XenStoreException e = assertThrows(XenStoreException.class, () -> client.write("/bad path", "x"));
        assertEquals("EINVAL", e.errno());
        assertFalse(e.isConnectionLost());
        assertTrue(client.isOpen());
    }

    @Test
    void payloadAtTheLimitIsAcceptedAndOneByteMoreIsRefusedBeforeSending() throws Exception {
        String path = "/local/domain/0/big";
        String value = "v".repeat(4096 - path.length() - 1);
        client.write(path, value);
        assertEquals(Optional.of(value), client.read(path));
        XenStoreException e = assertThrows(XenStoreException.class, () -> client.write(path, value + "x"));
        assertEquals("E2BIG", e.errno());
        assertEquals(Optional.of(value), client.read(path));
        client.rm(path);
    }

    @Test
    void watchDeliversTheInitialEventThenChangesFromAnotherClient() throws Exception {
        StockTools.requireTools();
        client.watch("data/host", "tok");
        assertEquals(Optional.of(new WatchEvent("data/host", "tok")), client.awaitEvent(Duration.ofSeconds(5)));
        StockTools.Result w = new StockTools(daemon.socketPath()).xs("write", "/local/domain/0/data/host/abc", "{}");
        assertEquals(0, w.exitCode(), w.err());
        assertEquals(Optional.of(new WatchEvent("data/host/abc", "tok")), client.awaitEvent(Duration.ofSeconds(5)));
        client.unwatch("data/host", "tok");
        client.write("data/host/def", "{}");
        assertEquals(Optional.empty(), client.awaitEvent(Duration.ofMillis(300)));
        client.rm("data/host");
    }

    @Test
    void transactionsCommitAtomicallyAndAbortLeavesNoTrace() throws Exception {
        try (XenStoreTransaction tx = client.beginTransaction()) {
            tx.write("tx/a", "1");
            tx.write("tx/b", "2");
            assertEquals(Optional.of("1"), tx.read("tx/a"));
            assertEquals(Optional.empty(), client.read("tx/a"), "invisible outside before commit");
            assertTrue(tx.commit());
        }
        assertEquals(List.of("a", "b"), client.directory("tx"));
        try (XenStoreTransaction tx = client.beginTransaction()) {
            tx.rm("tx/a");
            tx.write("tx/c", "3");
        } // closed without commit: aborted
        assertEquals(List.of("a", "b"), client.directory("tx"));
        client.rm("tx");
    }

    @Test
    void concurrentCallersGetTheirOwnReplies() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int id = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        String key = "conc/" + id + "/" + i;
                        client.write(key, id + ":" + i);
                        assertEquals(Optional.of(id + ":" + i), client.read(key));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(8, client.directory("conc").size());
        client.rm("conc");
    }

    @Test
    void theDaemonLogsWhatWeWrote() throws Exception {
        client.write("/local/domain/0/logged/key", "x");
        String log = Files.readString(daemon.accessLog());
        assertTrue(log.lines().anyMatch(l -> l.contains(" write ") && l.contains("/local/domain/0/logged/key x")), log);
        client.rm("/local/domain/0/logged");
    }
}
