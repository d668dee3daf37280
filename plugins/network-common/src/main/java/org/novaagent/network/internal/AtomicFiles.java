/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The low-level write primitives behind {@code FileStager}: temp file in the same directory,
 * mode set before the content is visible, fsync, atomic rename, fsync of the directory. A crash
 * leaves either the old or the new file, never a half-written one.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Atomically replaces (or creates) {@code target}.
     *
     * @param target  the file
     * @param content its new content (UTF-8)
     * @param mode    POSIX mode, e.g. {@code 0600}
     * @throws IOException on any failure; the target is then unchanged
     */
    public static void write(Path target, String content, int mode) throws IOException {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + target.getFileName() + ".nova-tmp-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            try (FileChannel ch = FileChannel.open(tmp, EnumSet.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(permissions(mode & 0600)))) {
                ByteBuffer buf = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.setPosixFilePermissions(tmp, permissions(mode));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot rename atomically into " + dir, e);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * @param file a path
     * @return its POSIX mode bits, or -1 when it does not exist
     * @throws IOException when the attributes cannot be read
     */
    public static int mode(Path file) throws IOException {
        if (!Files.exists(file)) {
            return -1;
        }
        int m = 0;
        for (PosixFilePermission p : Files.getPosixFilePermissions(file)) {
            m |= 1 << (8 - p.ordinal());
        }
        return m;
    }

    /**
     * @param mode octal mode bits (only the low 9 are used)
     * @return the permission set
     */
    public static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : PosixFilePermission.values()) {
            if ((mode & (1 << (8 - p.ordinal()))) != 0) {
                set.add(p);
            }
        }
        return set;
    }

    /**
     * Deletes a file and syncs its directory.
     *
     * @param file the file
     * @throws IOException on failure
     */
    public static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
        syncDirectory(file.getParent());
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems cannot fsync a directory; the rename itself is still atomic
        }
    }
}
