/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One xenbus message (header fields plus payload) and its wire encoding, kept in one place so
 * the byte layout is written exactly once.
 *
 * @param type    message type ({@link XsOp})
 * @param reqId   request id, echoed by the daemon in the reply
 * @param txId    transaction id, 0 outside a transaction
 * @param payload the payload bytes (requests: at most {@link XsOp#PAYLOAD_MAX}; replies: at most
 *                {@link XsOp#REPLY_MAX})
 */
public record XsMessage(int type, int reqId, int txId, byte[] payload) {

    /** @return header and payload as one buffer ready to write (one write call per message) */
    public ByteBuffer encode() {
        ByteBuffer buf = ByteBuffer.allocate(XsOp.HEADER_SIZE + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(type).putInt(reqId).putInt(txId).putInt(payload.length).put(payload);
        return buf.flip();
    }

    /** Builds a payload of NUL-terminated strings, e.g. {@code "path\0token\0"}. */
    public static byte[] strings(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            sb.append(p).append('\0');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Builds a WRITE payload: {@code path\0value} (the value is not NUL-terminated). */
    public static byte[] pathAndValue(String path, byte[] value) {
        byte[] p = (path + '\0').getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[p.length + value.length];
        System.arraycopy(p, 0, out, 0, p.length);
        System.arraycopy(value, 0, out, p.length, value.length);
        return out;
    }

    /** @return the payload split on NUL; a trailing NUL does not add an empty element */
    public List<String> payloadStrings() {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < payload.length; i++) {
            if (payload[i] == 0) {
                out.add(new String(payload, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < payload.length) {
            out.add(new String(payload, start, payload.length - start, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** @return the payload as text without one trailing NUL (error names, "OK", paths) */
    public String payloadText() {
        int len = payload.length;
        if (len > 0 && payload[len - 1] == 0) {
            len--;
        }
        return new String(payload, 0, len, StandardCharsets.UTF_8);
    }
}
