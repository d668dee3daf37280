/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api.support;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one regular file through its directory's handle, without following a link, refusing a
 * hard-linked file, and never more than a limit (a sparse 3 GiB {@code authorized_keys} must not
 * become 3 GiB of backup: issue #19 finding 5). Checks for interruption between chunks, so work
 * abandoned at the request timeout stops.
 */
final class BoundedRead {

    /** Bytes read between two interruption checks. */
    static final int CHUNK = 64 * 1024;

    private BoundedRead() {
    }

    /**
     * @param dir   the open parent directory
     * @param name  the entry
     * @param limit largest size accepted, in bytes
     * @return the content, or empty when the entry does not exist
     * @throws RefusedPathException when it is a link, not a regular file, hard-linked, swapped
     *                              while read, or larger than {@code limit}
     */
    static Optional<byte[]> read(OpenDirectory dir, String name, long limit) throws IOException {
        Optional<FileFacts> facts = dir.stat(name);
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        FileFacts f = checkReadable(dir, name, facts.get());
        if (f.size() > limit) {
            throw new RefusedPathException(dir.child(name), "has " + f.size() + " bytes, more than the limit of "
                    + limit);
        }
        return Optional.of(readAtMost(dir, name, limit));
    }

    /**
     * @return the facts when the entry is a regular file with one link
     * @throws RefusedPathException otherwise
     */
    static FileFacts checkReadable(OpenDirectory dir, String name, FileFacts f) throws IOException {
        String rel = dir.child(name);
        switch (f.type()) {
            case SYMLINK -> throw new RefusedPathException(rel, "is a symbolic link; refusing to follow it");
            case DIRECTORY -> throw new RefusedPathException(rel, "is a directory");
            case OTHER -> throw new RefusedPathException(rel, "is not a regular file");
            default -> {
            }
        }
        long links = links(dir, name, f);
        if (links != 1) {
            throw new RefusedPathException(rel, "has " + links + " hard links; refusing to touch it");
        }
        return f;
    }

    /**
     * The link count is not offered through a directory handle: read it by path in one
     * {@code lstat} together with the identity, and trust it only when that identity is the one
     * seen through the handle.
     */
    private static long links(OpenDirectory dir, String name, FileFacts f) throws IOException {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(dir.path().resolve(name), "unix:nlink,fileKey", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new RefusedPathException(dir.child(name), "changed while it was checked");
        }
        if (!f.fileKey().equals(a.get("fileKey"))) {
            throw new RefusedPathException(dir.child(name), "changed while it was checked");
        }
        return ((Number) a.get("nlink")).longValue();
    }

    /**
     * Opens read-write where it may: {@code open(O_RDONLY)} of a FIFO swapped in after the check
     * would block, {@code O_RDWR} does not (and an interrupt ends a blocked read).
     */
    private static byte[] readAtMost(OpenDirectory dir, String name, long limit) throws IOException {
        SeekableByteChannel ch;
        try {
            ch = dir.stream().newByteChannel(Path.of(name), Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException e) {
            throw e;
        } catch (FileSystemException e) {
            ch = dir.stream().newByteChannel(Path.of(name), Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
        }
        try (SeekableByteChannel c = ch) {
            byte[] out = new byte[(int) Math.min(limit + 1, Math.max(CHUNK, Math.min(c.size() + 1, limit + 1)))];
            int total = 0;
            while (true) {
                checkInterrupted(dir.child(name));
                if (total == out.length) {
                    if (total > limit) {
                        throw new RefusedPathException(dir.child(name), "grew beyond the limit of " + limit
                                + " bytes while it was read");
                    }
                    out = Arrays.copyOf(out, (int) Math.min(limit + 1, (long) out.length * 2));
                }
                int n = c.read(ByteBuffer.wrap(out, total, Math.min(CHUNK, out.length - total)));
                if (n < 0) {
                    break;
                }
                total += n;
            }
            if (total > limit) {
                throw new RefusedPathException(dir.child(name), "grew beyond the limit of " + limit
                        + " bytes while it was read");
            }
            return Arrays.copyOf(out, total);
        }
    }

    /**
     * @param what the file being worked on, for the message
     * @throws InterruptedIOException when the thread was interrupted (request timeout, shutdown);
     *                                the interrupt flag stays set
     */
    static void checkInterrupted(String what) throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("cancelled while working on '" + what + "'");
        }
    }
}
