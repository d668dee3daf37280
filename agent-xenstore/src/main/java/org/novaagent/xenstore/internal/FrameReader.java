/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;

/**
 * Cuts a byte stream into xenbus messages. A peer may deliver a message in any number of pieces
 * (the stock clients write header and payload separately), so every read loops until full.
 * Payloads up to {@link XsOp#REPLY_MAX} are accepted: oxenstored answers privileged (socket)
 * clients with replies longer than the 4096 bytes a request may carry.
 */
public final class FrameReader {

    private final ReadableByteChannel channel;
    private final ByteBuffer header = ByteBuffer.allocate(XsOp.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);

    private final int maxPayload;

    /** @param channel a blocking channel; payloads up to {@link XsOp#REPLY_MAX} */
    public FrameReader(ReadableByteChannel channel) {
        this(channel, XsOp.REPLY_MAX);
    }

    /**
     * @param channel    a blocking channel
     * @param maxPayload the largest payload accepted; a longer declared length is a corrupt stream
     */
    public FrameReader(ReadableByteChannel channel, int maxPayload) {
        this.channel = channel;
        this.maxPayload = maxPayload;
    }

    /**
     * Reads one whole message.
     *
     * @throws EOFException when the stream ends (also in the middle of a message)
     * @throws IOException  on a read error or a declared length above the bound (the stream is
     *                      out of sync: the caller drops the connection)
     */
    public XsMessage next() throws IOException {
        header.clear();
        fill(header);
        header.flip();
        int type = header.getInt();
        int reqId = header.getInt();
        int txId = header.getInt();
        int len = header.getInt();
        if (len < 0 || len > maxPayload) {
            throw new IOException("xenbus frame with bad payload length " + Integer.toUnsignedString(len)
                    + " (limit " + maxPayload + "; stream corrupt)");
        }
        ByteBuffer payload = ByteBuffer.allocate(len);
        fill(payload);
        return new XsMessage(type, reqId, txId, payload.array());
    }

    private void fill(ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            if (channel.read(buf) < 0) {
                throw new EOFException("xenbus stream closed");
            }
        }
    }
}
