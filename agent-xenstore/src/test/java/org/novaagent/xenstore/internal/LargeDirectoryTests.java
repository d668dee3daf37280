/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.novaagent.xenstore.XenStoreException;

/**
 * Listings longer than 4096 bytes against a scripted raw peer: a long DIRECTORY reply (what
 * oxenstored sends a socket client) is accepted, a frame beyond 1 MiB drops the connection, and
 * E2BIG falls back to DIRECTORY_PART chunks (offsets, generation change, old daemons).
 */
class LargeDirectoryTests extends RawPeerFixture {

    private static List<String> uuids(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(UUID.randomUUID().toString());
        }
        return out;
    }

    private static byte[] joined(List<String> names) {
        StringBuilder sb = new StringBuilder();
        names.forEach(n -> sb.append(n).append('\0'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static XsMessage reply(XsMessage req, int type, byte[] payload) {
        return new XsMessage(type, req.reqId(), req.txId(), payload);
    }

    private static XsMessage reply(XsMessage req, int type, String text) {
        return reply(req, type, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A DIRECTORY_PART reply: generation, the names from {@code from} to {@code to}, and the end mark when last. */
    private static XsMessage part(XsMessage req, String gen, byte[] all, int from, int to) {
        boolean last = to == all.length;
        byte[] g = (gen + '\0').getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(g.length + (to - from) + (last ? 1 : 0)).put(g).put(all, from, to - from);
        return reply(req, XsOp.DIRECTORY_PART, b.array());
    }

    private CompletableFuture<List<String>> listAsync(String path) {
        return CompletableFuture.supplyAsync(() -> WireXenStoreClientTests.call(() -> client.directory(path)));
    }

    private static String text(XsMessage m) {
        return new String(m.payload(), StandardCharsets.UTF_8);
    }

    @Test
    void aDirectoryReplyLongerThan4096BytesIsAccepted() throws Exception {
        List<String> ids = uuids(150);
        CompletableFuture<List<String>> d = listAsync("data/host");
        XsMessage req = peer.request();
        peer.send(reply(req, XsOp.DIRECTORY, joined(ids)), 1000);
        assertEquals(ids, d.get());
        CompletableFuture<Optional<String>> r = CompletableFuture.supplyAsync(() -> WireXenStoreClientTests.call(() -> client.read("k")));
        peer.send(reply(peer.request(), XsOp.READ, "v"), 64);
        assertEquals(Optional.of("v"), r.get(), "the stream is still in sync");
        assertTrue(client.isOpen());
    }

    @Test
    void aFrameDeclaringMoreThanOneMebibyteDropsTheConnection() throws Exception {
        CompletableFuture<List<String>> d = listAsync("data/host");
        XsMessage req = peer.request();
        peer.sendRaw(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(XsOp.DIRECTORY).putInt(req.reqId()).putInt(0).putInt(XsOp.REPLY_MAX + 1).flip());
        XenStoreException e = (XenStoreException) assertThrows(Exception.class, d::join).getCause();
        assertTrue(e.isConnectionLost());
        assertTrue(e.getMessage().contains("bad payload length 1048577"), e.getMessage());
    }

    @Test
    void e2bigFallsBackToDirectoryPartWithByteOffsets() throws Exception {
        List<String> ids = uuids(150);
        byte[] all = joined(ids);
        CompletableFuture<List<String>> d = listAsync("data/host");
        XsMessage dirReq = peer.request();
        assertEquals(XsOp.DIRECTORY, dirReq.type());
        peer.send(reply(dirReq, XsOp.ERROR, "E2BIG\0"), 64);
        XsMessage p1 = peer.request();
        assertEquals(XsOp.DIRECTORY_PART, p1.type());
        assertEquals("data/host\0" + "0\0", text(p1));
        peer.send(part(p1, "77", all, 0, 37 * 100), 512);
        XsMessage p2 = peer.request();
        assertEquals("data/host\0" + (37 * 100) + "\0", text(p2));
        peer.send(part(p2, "77", all, 37 * 100, all.length), 512);
        assertEquals(ids, d.get());
        assertFalse(peer.hasPendingInput(100), "no further request after the end mark");
    }

    @Test
    void aGenerationChangeRestartsFromOffsetZero() throws Exception {
        List<String> ids = uuids(120);
        byte[] all = joined(ids);
        CompletableFuture<List<String>> d = listAsync("data/host");
        peer.send(reply(peer.request(), XsOp.ERROR, "E2BIG\0"), 64);
        XsMessage p1 = peer.request();
        peer.send(part(p1, "5", all, 0, 37 * 60), 4096);
        XsMessage p2 = peer.request();
        assertEquals("data/host\0" + (37 * 60) + "\0", text(p2));
        List<String> changed = new ArrayList<>(ids.subList(1, ids.size())); // one request removed meanwhile
        byte[] now = joined(changed);
        peer.send(part(p2, "6", now, 37 * 60, now.length), 4096);
        XsMessage again = peer.request();
        assertEquals("data/host\0" + "0\0", text(again), "restarted");
        peer.send(part(again, "6", now, 0, 37 * 60), 4096);
        XsMessage rest = peer.request();
        peer.send(part(rest, "6", now, 37 * 60, now.length), 4096);
        assertEquals(changed, d.get());
    }

    @Test
    void anEmptyOrVanishedDirectoryIsAnEmptyList() throws Exception {
        CompletableFuture<List<String>> empty = listAsync("a");
        peer.send(reply(peer.request(), XsOp.ERROR, "E2BIG\0"), 64);
        peer.send(reply(peer.request(), XsOp.DIRECTORY_PART, "9\0\0"), 64);
        assertEquals(List.of(), empty.get());
        CompletableFuture<List<String>> gone = listAsync("b");
        peer.send(reply(peer.request(), XsOp.ERROR, "E2BIG\0"), 64);
        peer.send(reply(peer.request(), XsOp.ERROR, "ENOENT\0"), 64);
        assertEquals(List.of(), gone.get());
    }

    @Test
    void aDaemonWithoutDirectoryPartGivesAClearE2bigError() throws Exception {
        for (String answer : List.of("ENOSYS", "EINVAL")) {
            CompletableFuture<List<String>> d = listAsync("data/host");
            peer.send(reply(peer.request(), XsOp.ERROR, "E2BIG\0"), 64);
            peer.send(reply(peer.request(), XsOp.ERROR, answer + "\0"), 64);
            XenStoreException e = (XenStoreException) assertThrows(Exception.class, d::join).getCause();
            assertEquals("E2BIG", e.errno());
            assertFalse(e.isConnectionLost());
            assertTrue(e.getMessage().contains("does not support DIRECTORY_PART (it answered " + answer + ")"), e.getMessage());
        }
        assertTrue(client.isOpen());
    }

    @Test
    void malformedChunksAndEndlessChangesAreErrorsNotLoops() throws Exception {
        CompletableFuture<List<String>> bad = listAsync("x");
        peer.send(reply(peer.request(), XsOp.ERROR, "E2BIG\0"), 64);
        peer.send(reply(peer.request(), XsOp.DIRECTORY_PART, "12\0"), 64);
        assertEquals("EIO", ((XenStoreException) assertThrows(Exception.class, bad::join).getCause()).errno());

        CompletableFuture<List<String>> churn = listAsync("x");
        peer.send(reply(peer.request(), XsOp.ERROR, "E2BIG\0"), 64);
        for (int i = 0; i <= DirectoryPartReader.MAX_RESTARTS; i++) {
            peer.send(reply(peer.request(), XsOp.DIRECTORY_PART, i + "\0a\0"), 64);
            peer.send(reply(peer.request(), XsOp.DIRECTORY_PART, "changed" + i + "\0b\0\0"), 64);
        }
        assertEquals("EAGAIN", ((XenStoreException) assertThrows(Exception.class, churn::join).getCause()).errno());
    }

    @Test
    void directoryPartInATransactionCarriesItsId() throws Exception {
        CompletableFuture<List<String>> d = CompletableFuture.supplyAsync(() -> WireXenStoreClientTests.call(() -> {
            try (var tx = client.beginTransaction()) {
                return tx.directory("data/host");
            }
        }));
        peer.send(reply(peer.request(), XsOp.TRANSACTION_START, "8\0"), 64);
        XsMessage dirReq = peer.request();
        assertEquals(8, dirReq.txId());
        peer.send(reply(dirReq, XsOp.ERROR, "E2BIG\0"), 64);
        XsMessage p = peer.request();
        assertEquals(8, p.txId());
        peer.send(reply(p, XsOp.DIRECTORY_PART, "1\0a\0b\0\0"), 64);
        peer.send(reply(peer.request(), XsOp.TRANSACTION_END, "OK\0"), 64);
        assertEquals(List.of("a", "b"), d.get());
    }
}
