/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw bytes against the server: split writes, reply ordering, oversized payloads, the watch reply/event order. */
class WireLevelTests {

    @TempDir
    Path dir;
    EmbeddedXenStore store;
    SocketChannel ch;

    @BeforeEach
    void start() throws Exception {
        store = EmbeddedXenStore.start(dir.resolve("s"));
        ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(dir.resolve("s")));
    }

    @AfterEach
    void stop() throws Exception {
        ch.close();
        store.close();
    }

    private static ByteBuffer header(int type, int req, int tx, int len) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(type).putInt(req).putInt(tx).putInt(len).flip();
    }

    private void sendSplit(int type, int req, String payload) throws Exception {
        byte[] p = payload.getBytes(StandardCharsets.UTF_8);
        ByteBuffer all = ByteBuffer.allocate(16 + p.length).put(header(type, req, 0, p.length)).put(p).flip();
        while (all.hasRemaining()) { // one byte per write, like the worst possible client
            ch.write(ByteBuffer.wrap(new byte[] {all.get()}));
        }
    }

    private String[] receive() throws Exception {
        ByteBuffer h = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        while (h.hasRemaining()) {
            ch.read(h);
        }
        h.flip();
        int type = h.getInt();
        int req = h.getInt();
        h.getInt();
        ByteBuffer p = ByteBuffer.allocate(h.getInt());
        while (p.hasRemaining()) {
            ch.read(p);
        }
        return new String[] {Integer.toString(type), Integer.toString(req), new String(p.array(), StandardCharsets.UTF_8)};
    }

    @Test
    void byteByByteRequestsGetRepliesWithTheirReqId() throws Exception {
        sendSplit(11, 5, "/a\0value");
        assertEquals("11|5|OK\0", String.join("|", receive()));
        sendSplit(2, 6, "/a\0");
        assertEquals("2|6|value", String.join("|", receive()));
        sendSplit(2, 7, "/missing\0");
        assertEquals("16|7|ENOENT\0", String.join("|", receive()));
        sendSplit(10, 8, "0\0");
        assertEquals("10|8|/local/domain/0\0", String.join("|", receive()));
        sendSplit(10, 10, "x\0");
        assertEquals("16|10|EINVAL\0", String.join("|", receive()));
        sendSplit(99, 9, "\0");
        assertEquals("16|9|EINVAL\0", String.join("|", receive()));
    }

    @Test
    void watchReplyComesBeforeTheInitialEvent() throws Exception {
        sendSplit(4, 1, "/w\0tok\0");
        assertEquals("4|1|OK\0", String.join("|", receive()));
        assertEquals("15|0|/w\0tok\0", String.join("|", receive()));
    }

    @Test
    void oversizedPayloadGetsE2bigAndTheStreamStaysInSync() throws Exception {
        byte[] big = new byte[4097];
        big[0] = '/';
        big[1] = 'b';
        ch.write(header(11, 3, 0, big.length));
        ch.write(ByteBuffer.wrap(big));
        assertEquals("16|3|E2BIG\0", String.join("|", receive()));
        sendSplit(2, 4, "/b\0");
        assertEquals("16|4|ENOENT\0", String.join("|", receive()));
    }
}
