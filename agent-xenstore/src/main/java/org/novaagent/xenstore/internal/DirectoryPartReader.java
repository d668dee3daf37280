/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.novaagent.xenstore.XenStoreException;

/**
 * Lists a directory in chunks with {@code XS_DIRECTORY_PART}, for listings a daemon refuses to
 * send whole (xenstored answers an unprivileged guest's DIRECTORY over 4096 bytes with E2BIG).
 *
 * <p>Wire format (Xen {@code docs/misc/xenstore.txt}, libxenstore {@code xs_directory_part}):
 * request {@code <path>\0<offset>\0}, where the offset is a byte offset into the concatenated
 * NUL-terminated child names; reply {@code <generation>\0<names...>}: whole names, each with its
 * NUL, and the chunk that reaches the end of the list carries one more NUL (an empty name), so
 * the listing is complete when the collected bytes end in {@code \0\0} or are just {@code \0}.
 * When the node's generation changes between chunks the listing changed under us: start again
 * from offset 0.
 */
final class DirectoryPartReader {

    /** Restarts after generation changes before giving up (EAGAIN). */
    static final int MAX_RESTARTS = 16;

    private final XenbusConnection conn;

    DirectoryPartReader(XenbusConnection conn) {
        this.conn = conn;
    }

    /**
     * @param tx   transaction id, 0 for none
     * @param path the directory
     * @return the child names, empty when the node does not exist (ENOENT)
     * @throws XenStoreException E2BIG when the daemon does not know DIRECTORY_PART (EINVAL,
     *                           ENOSYS); EAGAIN when the listing keeps changing; EIO on a
     *                           malformed chunk; other error replies as they come
     */
    List<String> list(int tx, String path) throws XenStoreException {
        for (int attempt = 0; attempt <= MAX_RESTARTS; attempt++) {
            List<String> names = attempt(tx, path);
            if (names != null) {
                return names;
            }
        }
        throw new XenStoreException("DIRECTORY_PART " + path + ": the listing changed " + (MAX_RESTARTS + 1)
                + " times while it was read in chunks", "EAGAIN", false, null);
    }

    /** @return the names, or null when the generation changed (start again) */
    private List<String> attempt(int tx, String path) throws XenStoreException {
        ByteArrayOutputStream collected = new ByteArrayOutputStream();
        String generation = null;
        while (true) {
            int offset = collected.size();
            XsMessage r = conn.call(XsOp.DIRECTORY_PART, tx, XsMessage.strings(path, Integer.toString(offset)), path);
            if (r.type() == XsOp.ERROR) {
                return failed(path, r.payloadText());
            }
            byte[] p = r.payload();
            int nul = indexOfNul(p);
            if (nul < 0 || nul == p.length - 1) {
                throw malformed(path, offset, "no generation or no names");
            }
            String gen = new String(p, 0, nul, StandardCharsets.US_ASCII);
            if (generation == null) {
                generation = gen;
            } else if (!generation.equals(gen)) {
                return null;
            }
            collected.write(p, nul + 1, p.length - nul - 1);
            if (collected.size() > XsOp.REPLY_MAX) {
                throw malformed(path, offset, "listing longer than " + XsOp.REPLY_MAX + " bytes");
            }
            byte[] all = collected.toByteArray();
            int n = all.length;
            if (all[n - 1] != 0) {
                throw malformed(path, offset, "chunk does not end with a NUL");
            }
            if (n == 1 || all[n - 2] == 0) {
                return names(all, n - 1);
            }
        }
    }

    private static List<String> failed(String path, String errno) throws XenStoreException {
        switch (errno) {
            case "ENOENT":
                return List.of();
            case "EINVAL": case "ENOSYS":
                throw new XenStoreException("DIRECTORY " + path + ": the listing is longer than "
                        + XsOp.PAYLOAD_MAX + " bytes (E2BIG) and the XenStore daemon does not support"
                        + " DIRECTORY_PART (it answered " + errno + ")", "E2BIG", false, null);
            default:
                throw XenStoreException.errorReply("DIRECTORY_PART", path, errno);
        }
    }

    private static XenStoreException malformed(String path, int offset, String why) {
        return new XenStoreException("DIRECTORY_PART " + path + " at offset " + offset + ": malformed reply ("
                + why + ")", "EIO", false, null);
    }

    /** Splits {@code len} bytes of NUL-terminated names. */
    private static List<String> names(byte[] all, int len) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < len; i++) {
            if (all[i] == 0) {
                out.add(new String(all, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return out;
    }

    private static int indexOfNul(byte[] p) {
        for (int i = 0; i < p.length; i++) {
            if (p[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
