/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.xenstore.XenStoreException;
import org.novaagent.xenstore.XenStoreTransaction;
import org.novaagent.xenstore.sim.ClientKind;
import org.novaagent.xenstore.sim.EmbeddedXenStore;

/**
 * The DIRECTORY_PART fallback end to end: the embedded server plays an unprivileged guest's
 * daemon (DIRECTORY over 4096 bytes is E2BIG), over a socket and in device mode (one request in
 * flight), outside and inside a transaction, and a daemon without DIRECTORY_PART.
 */
class GuestDirectoryTests {

    @TempDir
    Path dir;

    private static List<String> fill(EmbeddedXenStore store, String parent, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = UUID.randomUUID().toString();
            store.write(parent + "/" + id, "{\"name\":\"version\"}");
            ids.add(id);
        }
        return ids;
    }

    @Test
    void aGuestListsLargeDirectoriesInChunksOverASocketAndInDeviceMode() throws Exception {
        try (EmbeddedXenStore store = EmbeddedXenStore.start(dir.resolve("s"), 5, ClientKind.GUEST)) {
            List<String> ids = fill(store, "data/host", 400); // 14,800 bytes: four chunks
            List<String> few = fill(store, "data/guest", 3);
            for (boolean serial : new boolean[] {false, true}) {
                try (WireXenStoreClient c = new WireXenStoreClient(SocketTransport.connect(store.socketPath(), serial))) {
                    assertEquals(ids, c.directory("data/host"), "serial=" + serial);
                    assertEquals(ids, c.directory("/local/domain/5/data/host"), "absolute path, serial=" + serial);
                    assertEquals(few, c.directory("data/guest"), "a small directory needs no chunks");
                    assertEquals(List.of(), c.directory("data/nothing"));
                    assertTrue(c.isOpen());
                }
            }
        }
    }

    @Test
    void aTransactionListsItsOwnViewInChunks() throws Exception {
        try (EmbeddedXenStore store = EmbeddedXenStore.start(dir.resolve("s"), 5, ClientKind.GUEST);
             WireXenStoreClient c = new WireXenStoreClient(SocketTransport.connect(store.socketPath(), false))) {
            List<String> ids = fill(store, "data/host", 200);
            try (XenStoreTransaction tx = c.beginTransaction()) {
                tx.write("data/host/zz-in-tx", "1");
                List<String> expected = new ArrayList<>(ids);
                expected.add("zz-in-tx");
                assertEquals(expected, tx.directory("data/host"));
            }
            assertEquals(ids, c.directory("data/host"), "aborted: not visible outside");
        }
    }

    @Test
    void aDaemonWithoutDirectoryPartIsAClearErrorAndTheConnectionStays() throws Exception {
        try (EmbeddedXenStore store = EmbeddedXenStore.start(dir.resolve("s"), 5, ClientKind.GUEST_WITHOUT_DIRECTORY_PART);
             WireXenStoreClient c = new WireXenStoreClient(SocketTransport.connect(store.socketPath(), false))) {
            fill(store, "data/host", 150);
            XenStoreException e = assertThrows(XenStoreException.class, () -> c.directory("data/host"));
            assertEquals("E2BIG", e.errno());
            assertTrue(e.getMessage().contains("does not support DIRECTORY_PART (it answered ENOSYS)"), e.getMessage());
            assertTrue(c.isOpen());
            assertEquals(List.of(), c.directory("data/guest"), "later calls still work");
        }
    }

    @Test
    void aPrivilegedClientGetsTheWholeListingInOneReply() throws Exception {
        try (EmbeddedXenStore store = EmbeddedXenStore.start(dir.resolve("s"));
             WireXenStoreClient c = new WireXenStoreClient(SocketTransport.connect(store.socketPath(), false))) {
            List<String> ids = fill(store, "data/host", 1000); // 37,000 bytes in one DIRECTORY reply
            assertEquals(ids, c.directory("data/host"));
        }
    }
}
