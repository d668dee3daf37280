/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Device mode (one request in flight, reply matched whatever its req_id), exercised over a socket
 * with the serial flag because no xenbus device exists here.
 */
class SerialTransportTests {

    @TempDir
    Path dir;

    @Test
    void oneRequestInFlightAndAReplyWithAForeignReqIdStillReachesTheCaller() throws Exception {
        try (RawPeer peer = new RawPeer(dir.resolve("s"))) {
            WireXenStoreClient client = new WireXenStoreClient(SocketTransport.connect(dir.resolve("s"), true));
            peer.accept();
            CompletableFuture<Optional<String>> a = CompletableFuture.supplyAsync(() -> WireXenStoreClientTests.call(() -> client.read("a")));
            XsMessage first = peer.request();
            CompletableFuture<Optional<String>> b = CompletableFuture.supplyAsync(() -> WireXenStoreClientTests.call(() -> client.read("b")));
            assertFalse(peer.hasPendingInput(200), "second request waits for the first reply");
            peer.send(new XsMessage(XsOp.READ, 9999, 0, "A".getBytes(StandardCharsets.UTF_8)), 64);
            assertEquals(Optional.of("A"), a.get());
            XsMessage second = peer.request();
            assertEquals("b\0", new String(second.payload(), StandardCharsets.UTF_8));
            peer.send(new XsMessage(XsOp.READ, second.reqId(), 0, "B".getBytes(StandardCharsets.UTF_8)), 64);
            assertEquals(Optional.of("B"), b.get());
            assertEquals("a\0", new String(first.payload(), StandardCharsets.UTF_8));
            client.close();
        }
    }
}
