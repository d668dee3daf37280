/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.file.inject.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.novaagent.api.CommandException;
import org.novaagent.api.support.BackupDirectory;

/**
 * Replaces one file so that readers only ever see the old or the new content: write a temp file
 * in the same directory, fsync, copy mode/owner, keep one backup of the old file under
 * {@code /var/lib/nova-agent/backup/} (never beside it, where a tool reading the whole directory,
 * like ifupdown's {@code source dir/*}, would pick it up), rename over the target, fsync the directory. Exists because the host may inject {@code authorized_keys}
 * while sshd reads it, and a crash must never leave it half written.
 */
final class AtomicFileReplacer {

    /** Mode of a file that did not exist before. */
    static final Set<PosixFilePermission> NEW_FILE_MODE = PosixFilePermissions.fromString("rw-------");

    private AtomicFileReplacer() {
    }

    /**
     * @param root      the target root (the backup goes to {@link BackupDirectory})
     * @param target    the file (its parent is a real directory under the root)
     * @param guestPath the guest path, for messages
     * @param contents  the new content
     * @throws CommandException {@code "500"} when the target is a directory, a symlink or special file
     * @throws IOException      when writing fails (the temp file is removed, the target unchanged)
     */
    static void replace(Path root, Path target, String guestPath, byte[] contents) throws CommandException, IOException {
        PosixFileAttributes old = existing(target, guestPath);
        Path dir = target.getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".nova-agent.tmp",
                PosixFilePermissions.asFileAttribute(NEW_FILE_MODE));
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(contents);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (old != null) {
                PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
                view.setOwner(old.owner());          // chown first: it may clear set-id bits
                view.setGroup(old.group());
                view.setPermissions(old.permissions());
                Path backup = backupOf(root, guestPath);
                BackupDirectory.createParents(root, backup);
                Files.copy(target, backup, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        fsyncDirectory(dir);
    }

    /**
     * @param root      the target root
     * @param guestPath the absolute guest path of the file
     * @return the one backup kept of a replaced file: {@code <root>/var/lib/nova-agent/backup/<guest path>}
     */
    static Path backupOf(Path root, String guestPath) {
        return BackupDirectory.backupOf(root, guestPath.substring(1));
    }

    private static PosixFileAttributes existing(Path target, String guestPath) throws CommandException, IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        PosixFileAttributes attrs = Files.readAttributes(target, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attrs.isDirectory()) {
            throw TargetResolver.fail("Cannot write " + TargetResolver.quote(guestPath) + ": it is a directory");
        }
        if (attrs.isSymbolicLink()) {
            throw TargetResolver.fail("Refusing to replace symbolic link " + TargetResolver.quote(guestPath));
        }
        if (!attrs.isRegularFile()) {
            throw TargetResolver.fail("Cannot write " + TargetResolver.quote(guestPath) + ": not a regular file");
        }
        return attrs;
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems cannot fsync a directory; the rename itself has already happened.
        }
    }
}
