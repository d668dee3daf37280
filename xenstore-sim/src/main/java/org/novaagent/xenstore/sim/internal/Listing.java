/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.sim.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The payloads of DIRECTORY and DIRECTORY_PART, built like xenstored does, so the chunked
 * listing a guest falls back to can be tested without Xen.
 *
 * <p>DIRECTORY_PART (Xen {@code docs/misc/xenstore.txt}): the request is {@code <path>\0<offset>\0}
 * with a byte offset into the concatenated NUL-terminated names; the reply is
 * {@code <generation>\0} followed by as many whole names (each with its NUL) as fit in 4096 bytes;
 * the chunk that reaches the end of the list carries one more NUL, and an offset at or past the
 * end gets just that NUL.
 */
final class Listing {

    private Listing() {
    }

    /** @return every name followed by NUL (the DIRECTORY reply) */
    static byte[] full(List<String> names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String n : names) {
            out.writeBytes(n.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return out.toByteArray();
    }

    /**
     * @param names      the children in order
     * @param generation the node's generation
     * @param offset     byte offset into {@link #full(List)}
     * @return the DIRECTORY_PART reply payload
     */
    static byte[] part(List<String> names, long generation, int offset) {
        byte[] all = full(names);
        byte[] gen = Frame.z(Long.toString(generation));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(gen);
        if (offset >= all.length) {
            out.write(0);
            return out.toByteArray();
        }
        int max = Frame.PAYLOAD_MAX - gen.length - 1;
        int end = offset;
        while (end < all.length) {
            int nameEnd = end;
            while (all[nameEnd] != 0) {
                nameEnd++;
            }
            if (nameEnd + 1 - offset > max && end > offset) {
                break;
            }
            end = nameEnd + 1;
        }
        out.writeBytes(Arrays.copyOfRange(all, offset, end));
        if (end == all.length) {
            out.write(0);
        }
        return out.toByteArray();
    }
}
