/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.sim;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A raw xenbus client for wire tests: sends one request, reads one whole reply (of any length). */
final class RawClient implements AutoCloseable {

    /** One reply: type and payload. */
    record Reply(int type, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final SocketChannel ch;
    private int reqId;

    RawClient(Path socket) throws IOException {
        ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(socket));
    }

    /** Sends {@code type} with {@code payload} and returns the reply. */
    Reply call(int type, String payload) throws IOException {
        byte[] p = payload.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(16 + p.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(type).putInt(++reqId).putInt(0).putInt(p.length).put(p).flip();
        while (b.hasRemaining()) {
            ch.write(b);
        }
        ByteBuffer h = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        fill(h);
        h.flip();
        int t = h.getInt();
        h.getInt();
        h.getInt();
        ByteBuffer body = ByteBuffer.allocate(h.getInt());
        fill(body);
        return new Reply(t, body.array());
    }

    private void fill(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new IOException("server closed the connection");
            }
        }
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }
}
