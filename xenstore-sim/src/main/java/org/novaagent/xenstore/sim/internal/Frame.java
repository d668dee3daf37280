/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.sim.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One xenbus message as the server sees it, with the wire codec. A request whose length is above
 * the 4096-byte limit is read and discarded, and comes back with {@link #oversized()} set.
 *
 * @param type      message type
 * @param reqId     request id (echoed in the reply)
 * @param txId      transaction id
 * @param payload   payload bytes (empty when oversized)
 * @param oversized true when the sender declared more than {@link #PAYLOAD_MAX} bytes
 */
public record Frame(int type, int reqId, int txId, byte[] payload, boolean oversized) {

    /** XENSTORE_PAYLOAD_MAX. */
    public static final int PAYLOAD_MAX = 4096;
    private static final int DISCARD_MAX = 1 << 20;

    /** @return a reply frame with the given type and text payload (NUL-terminated unless raw) */
    public static Frame reply(Frame req, int type, byte[] payload) {
        return new Frame(type, req.reqId(), req.txId(), payload, false);
    }

    /** @return {@code text} + NUL as bytes */
    public static byte[] z(String text) {
        return (text + '\0').getBytes(StandardCharsets.UTF_8);
    }

    /** @return header and payload in one buffer */
    public ByteBuffer encode() {
        ByteBuffer b = ByteBuffer.allocate(16 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(type).putInt(reqId).putInt(txId).putInt(payload.length).put(payload);
        return b.flip();
    }

    /**
     * Reads one message, however the peer split it.
     *
     * @throws EOFException at end of stream
     */
    public static Frame read(ReadableByteChannel ch) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        fill(ch, h);
        h.flip();
        int type = h.getInt();
        int reqId = h.getInt();
        int txId = h.getInt();
        long len = Integer.toUnsignedLong(h.getInt());
        if (len > DISCARD_MAX) {
            throw new IOException("frame length " + len + " is absurd; dropping the connection");
        }
        ByteBuffer p = ByteBuffer.allocate((int) len);
        fill(ch, p);
        if (len > PAYLOAD_MAX) {
            return new Frame(type, reqId, txId, new byte[0], true);
        }
        return new Frame(type, reqId, txId, p.array(), false);
    }

    private static void fill(ReadableByteChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new EOFException("peer closed");
            }
        }
    }

    /** @return the payload split on NUL (a trailing NUL does not add an element) */
    public List<String> strings() {
        byte[] p = payload;
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] == 0) {
                out.add(new String(p, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < p.length) {
            out.add(new String(p, start, p.length - start, StandardCharsets.UTF_8));
        }
        return out;
    }
}
