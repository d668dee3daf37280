/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.internal;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/** A scripted xenbus "daemon" on a Unix socket for framing tests: the test reads requests and writes raw bytes. */
final class RawPeer implements AutoCloseable {

    private final ServerSocketChannel server;
    private SocketChannel conn;

    RawPeer(Path socket) throws IOException {
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
    }

    /** Accepts the client under test. */
    void accept() throws IOException {
        conn = server.accept();
    }

    /** Reads one request the client sent. */
    XsMessage request() throws IOException {
        return new FrameReader(conn).next();
    }

    /** Sends a message in pieces of at most {@code chunk} bytes, with a pause in between. */
    void send(XsMessage m, int chunk) throws IOException, InterruptedException {
        ByteBuffer all = m.encode();
        while (all.hasRemaining()) {
            ByteBuffer piece = all.slice();
            piece.limit(Math.min(chunk, piece.remaining()));
            all.position(all.position() + piece.remaining());
            while (piece.hasRemaining()) {
                conn.write(piece);
            }
            Thread.sleep(2);
        }
    }

    /** Writes raw bytes (e.g. a header alone). */
    void sendRaw(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            conn.write(bytes);
        }
    }

    /** Drops the client connection. */
    void hangUp() throws IOException {
        conn.close();
    }

    /** @return true when the client sent something we have not read within the timeout */
    boolean hasPendingInput(long millis) throws IOException {
        conn.configureBlocking(false);
        try {
            ByteBuffer b = ByteBuffer.allocate(1);
            long end = System.currentTimeMillis() + millis;
            while (System.currentTimeMillis() < end) {
                if (conn.read(b) != 0) {
                    return true;
                }
            }
            return false;
        } finally {
            conn.configureBlocking(true);
        }
    }

    @Override
    public void close() throws IOException {
        if (conn != null) {
            conn.close();
        }
        server.close();
    }
}
