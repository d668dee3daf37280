/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.novaagent.xenstore.WatchEvent;
import org.novaagent.xenstore.XenStoreException;

/** Framing and dispatch of the wire client against a scripted raw socket peer. */
class WireXenStoreClientTests extends RawPeerFixture {

    private static XsMessage reply(XsMessage req, int type, String text) {
        return new XsMessage(type, req.reqId(), req.txId(), text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readRequestIsEncodedAndASplitReplyIsReassembled() throws Exception {
        CompletableFuture<Optional<String>> r = CompletableFuture.supplyAsync(() -> call(() -> client.read("data/host/x")));
        XsMessage req = peer.request();
        assertEquals(XsOp.READ, req.type());
        assertEquals("data/host/x\0", new String(req.payload(), StandardCharsets.UTF_8));
        peer.send(reply(req, XsOp.READ, "{\"name\":\"version\"}"), 1); // one byte at a time
        assertEquals(Optional.of("{\"name\":\"version\"}"), r.get());
    }

    @Test
    void writePayloadIsPathNulValueWithoutTrailingNul() throws Exception {
        CompletableFuture<Object> w = CompletableFuture.supplyAsync(() -> call(() -> { client.write("a/b", "v1"); return null; }));
        XsMessage req = peer.request();
        assertEquals(XsOp.WRITE, req.type());
        assertEquals("a/b\0v1", new String(req.payload(), StandardCharsets.UTF_8));
        peer.send(reply(req, XsOp.WRITE, "OK\0"), 16); // header, then payload, separately
        w.get();
    }

    @Test
    void watchEventsInterleavedWithRepliesGoToTheEventQueue() throws Exception {
        CompletableFuture<List<String>> d = CompletableFuture.supplyAsync(() -> call(() -> client.directory("data/host")));
        XsMessage req = peer.request();
        peer.send(new XsMessage(XsOp.WATCH_EVENT, 0, 0, XsMessage.strings("data/host/1", "tok")), 5);
        peer.send(reply(req, XsOp.DIRECTORY, "1\0002\0"), 7);
        peer.send(new XsMessage(XsOp.WATCH_EVENT, 0, 0, XsMessage.strings("data/host/2", "tok")), 100);
        assertEquals(List.of("1", "2"), d.get());
        assertEquals(Optional.of(new WatchEvent("data/host/1", "tok")), client.awaitEvent(Duration.ofSeconds(2)));
        assertEquals(Optional.of(new WatchEvent("data/host/2", "tok")), client.awaitEvent(Duration.ofSeconds(2)));
        assertEquals(Optional.empty(), client.awaitEvent(Duration.ofMillis(50)));
    }

    @Test
    void concurrentCallersAreMatchedByReqIdEvenWhenRepliesComeOutOfOrder() throws Exception {
        CompletableFuture<Optional<String>> a = CompletableFuture.supplyAsync(() -> call(() -> client.read("a")));
        XsMessage ra = peer.request();
        CompletableFuture<Optional<String>> b = CompletableFuture.supplyAsync(() -> call(() -> client.read("b")));
        XsMessage rb = peer.request();
        assertTrue(ra.reqId() != rb.reqId());
        peer.send(reply(rb, XsOp.READ, "B"), 3);
        peer.send(reply(ra, XsOp.READ, "A"), 3);
        assertEquals(Optional.of("A"), a.get());
        assertEquals(Optional.of("B"), b.get());
    }

    @Test
    void errorRepliesBecomeTypedResultsOrErrnoExceptions() throws Exception {
        CompletableFuture<Optional<String>> missing = CompletableFuture.supplyAsync(() -> call(() -> client.read("x")));
        peer.send(reply(peer.request(), XsOp.ERROR, "ENOENT\0"), 64);
        assertEquals(Optional.empty(), missing.get());

        CompletableFuture<List<String>> dir = CompletableFuture.supplyAsync(() -> call(() -> client.directory("x")));
        peer.send(reply(peer.request(), XsOp.ERROR, "ENOENT\0"), 64);
        assertEquals(List.of(), dir.get());

        CompletableFuture<Object> rm = CompletableFuture.supplyAsync(() -> call(() -> { client.rm("x"); return null; }));
        peer.send(reply(peer.request(), XsOp.ERROR, "ENOENT\0"), 64);
        rm.get();

        CompletableFuture<Object> denied = CompletableFuture.supplyAsync(() -> call(() -> { client.write("/x", "1"); return null; }));
        peer.send(reply(peer.request(), XsOp.ERROR, "EACCES\0"), 64);
        XenStoreException e = (XenStoreException) assertThrows(Exception.class, denied::join).getCause();
        assertEquals("EACCES", e.errno());
        assertFalse(e.isConnectionLost());
    }

    @Test
    void payloadOfExactly4096BytesIsSentAndLargerIsRejectedBeforeSending() throws Exception {
        String path = "p";
        String value = "x".repeat(4096 - 2);
        CompletableFuture<Object> w = CompletableFuture.supplyAsync(() -> call(() -> { client.write(path, value); return null; }));
        XsMessage req = peer.request();
        assertEquals(4096, req.payload().length);
        peer.send(reply(req, XsOp.WRITE, "OK\0"), 4096);
        w.get();
        XenStoreException e = assertThrows(XenStoreException.class, () -> client.write(path, value + "y"));
        assertEquals("E2BIG", e.errno());
        assertFalse(peer.hasPendingInput(100), "nothing was sent");
        assertTrue(client.isOpen());
    }

    @Test
    void connectionLossFailsPendingCallsEventsAndLaterCalls() throws Exception {
        client.awaitEvent(Duration.ZERO);
        CompletableFuture<Optional<String>> pending = CompletableFuture.supplyAsync(() -> call(() -> client.read("x")));
        peer.request();
        peer.send(new XsMessage(XsOp.WATCH_EVENT, 0, 0, XsMessage.strings("w", "t")), 64);
        peer.hangUp();
        XenStoreException e = (XenStoreException) assertThrows(Exception.class, pending::join).getCause();
        assertTrue(e.isConnectionLost());
        assertEquals(Optional.of(new WatchEvent("w", "t")), client.awaitEvent(Duration.ofSeconds(2)), "queued before the loss");
        assertTrue(assertThrows(XenStoreException.class, () -> client.awaitEvent(Duration.ofSeconds(2))).isConnectionLost());
        assertTrue(assertThrows(XenStoreException.class, () -> client.awaitEvent(Duration.ZERO)).isConnectionLost());
        assertTrue(assertThrows(XenStoreException.class, () -> client.read("y")).isConnectionLost());
        assertFalse(client.isOpen());
    }

    @Test
    void domainPathOverASocketAsksForDomainZero() throws Exception {
        CompletableFuture<String> d = CompletableFuture.supplyAsync(() -> call(client::domainPath));
        XsMessage req = peer.request();
        assertEquals(XsOp.GET_DOMAIN_PATH, req.type());
        assertEquals("0\0", new String(req.payload(), StandardCharsets.UTF_8));
        peer.send(reply(req, XsOp.GET_DOMAIN_PATH, "/local/domain/0\0"), 64);
        assertEquals("/local/domain/0", d.get());
        assertEquals("/local/domain/0", client.domainPath(), "cached: no second request");
    }

    @Test
    void transactionCarriesItsIdAndReportsEagainAsFalse() throws Exception {
        CompletableFuture<Boolean> t = CompletableFuture.supplyAsync(() -> call(() -> {
            try (var tx = client.beginTransaction()) {
                tx.write("k", "v");
                return tx.commit();
            }
        }));
        XsMessage start = peer.request();
        assertEquals(XsOp.TRANSACTION_START, start.type());
        peer.send(reply(start, XsOp.TRANSACTION_START, "42\0"), 64);
        XsMessage write = peer.request();
        assertEquals(42, write.txId());
        peer.send(reply(write, XsOp.WRITE, "OK\0"), 64);
        XsMessage end = peer.request();
        assertEquals(XsOp.TRANSACTION_END, end.type());
        assertEquals("T\0", new String(end.payload(), StandardCharsets.UTF_8));
        peer.send(reply(end, XsOp.ERROR, "EAGAIN\0"), 64);
        assertFalse(t.get());
    }

    /** A call that may throw, adapted for CompletableFuture. */
    interface Call<T> {
        T run() throws Exception;
    }

    static <T> T call(Call<T> c) {
        try {
            return c.run();
        } catch (Exception e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }
}
