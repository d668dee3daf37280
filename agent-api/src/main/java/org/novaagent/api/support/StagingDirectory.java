/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api.support;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * Replaces one file in a directory that someone else may control. The new file is made inside a
 * {@link PrivateDirectory} (in the target directory when no other user can redirect its path, else
 * in the deepest directory above it that no one else can change, on the same file system): nobody
 * else can enter it, rename in it or swap a name in it, so writing, fsync, {@code chown} and
 * {@code chmod} by name there are safe. Then one {@code renameat} between the two directory
 * handles puts the finished file in place, the directory is fsync'ed and the private directory
 * removed. Issue #19 finding 1 gave a user
 * {@code /etc/shadow} because the temp file lived in the user's own directory.
 */
final class StagingDirectory {

    private static final Path FILE = Path.of("new");

    private StagingDirectory() {
    }

    /**
     * @param dir     the open target directory
     * @param name    the target's name in it
     * @param content the new content
     * @param owner   owner to give the file, or null for the agent
     * @param group   group to give the file, or null for the agent's
     * @param mode    permission bits
     * @throws IOException on any failure: the target is then unchanged and nothing is left behind
     *                     (except, if another user renamed the private directory, that empty directory)
     */
    static void replace(OpenDirectory dir, String name, byte[] content, UserPrincipal owner, GroupPrincipal group,
            int mode) throws IOException {
        if (dir.stableHome() != dir) {
            try {
                replace(dir.stableHome(), dir, name, content, owner, group, mode);
                return;
            } catch (AtomicMoveNotSupportedException crossDevice) {
                // the stable place is on another file system: stage in the target directory itself
            }
        }
        replace(dir, dir, name, content, owner, group, mode);
    }

    private static void replace(OpenDirectory home, OpenDirectory dir, String name, byte[] content,
            UserPrincipal owner, GroupPrincipal group, int mode) throws IOException {
        try (PrivateDirectory staging = PrivateDirectory.in(home)) {
            try {
                write(staging.stream(), content, dir.child(name));
                PosixFileAttributeView view = staging.stream().getFileAttributeView(FILE, PosixFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (owner != null) {
                    view.setOwner(owner);               // chown before chmod: it may clear set-id bits
                }
                if (group != null) {
                    view.setGroup(group);
                }
                view.setPermissions(FileFacts.permissions(mode));
                BoundedRead.checkInterrupted(dir.child(name));      // the last point where giving up changes nothing
                staging.stream().move(FILE, dir.stream(), Path.of(name));   // renameat(stagingfd, "new", dirfd, name)
                dir.sync();
            } finally {
                try {
                    staging.stream().deleteFile(FILE);
                } catch (NoSuchFileException e) {
                    // moved into place: the normal case
                } catch (IOException e) {
                    // left inside the private directory, which is then not removed below
                }
                staging.remove();
            }
        }
    }

    private static void write(SecureDirectoryStream<Path> staging, byte[] content, String what) throws IOException {
        try {
            writeChunks(staging, content, what);
        } catch (ClosedByInterruptException e) {
            InterruptedIOException cancelled = new InterruptedIOException("cancelled while writing '" + what + "'");
            cancelled.initCause(e);
            throw cancelled;
        }
    }

    private static void writeChunks(SecureDirectoryStream<Path> staging, byte[] content, String what)
            throws IOException {
        try (FileChannel ch = (FileChannel) staging.newByteChannel(FILE, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                PosixFilePermissions.asFileAttribute(FileFacts.permissions(0600)))) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                BoundedRead.checkInterrupted(what);
                int end = Math.min(buf.limit(), buf.position() + BoundedRead.CHUNK);
                ByteBuffer chunk = buf.duplicate().limit(end);
                while (chunk.hasRemaining()) {
                    ch.write(chunk);
                }
                buf.position(end);
            }
            ch.force(true);
        }
    }

}
