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
 */
public final class FrameReader {

    private final ReadableByteChannel channel;
    private final ByteBuffer header = ByteBuffer.allocate(XsOp.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);

    /** @param channel a blocking channel */
    public FrameReader(ReadableByteChannel channel) {
        this.channel = channel;
    }

    /**
     * Reads one whole message.
     *
     * @throws EOFException when the stream ends (also in the middle of a message)
     * @throws IOException  on a read error or a length above {@link XsOp#PAYLOAD_MAX}
     */
    public XsMessage next() throws IOException {
        header.clear();
        fill(header);
        header.flip();
        int type = header.getInt();
        int reqId = header.getInt();
        int txId = header.getInt();
        int len = header.getInt();
        if (len < 0 || len > XsOp.PAYLOAD_MAX) {
            throw new IOException("xenbus frame with bad payload length " + Integer.toUnsignedString(len));
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
