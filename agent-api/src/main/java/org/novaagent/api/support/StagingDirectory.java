/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api.support;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Replaces one file in a directory that someone else may control. The new file is made inside a
 * private directory the agent creates next to the target ({@code .nova-agent-<random>}, 0700,
 * checked through its descriptor to be the agent's own): nobody else can enter it, rename in it or
 * swap a name in it, so writing, fsync, {@code chown} and {@code chmod} by name there are safe.
 * Then one {@code renameat} between the two directory handles puts the finished file in place, the
 * directory is fsync'ed and the private directory removed. Issue #19 finding 1 gave a user
 * {@code /etc/shadow} because the temp file lived in the user's own directory.
 */
final class StagingDirectory {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = ".nova-agent-";
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
        String stagingName = create(dir);
        try (SecureDirectoryStream<Path> staging = open(dir, stagingName)) {
            FileFacts own = FileFacts.of(staging.getFileAttributeView(PosixFileAttributeView.class).readAttributes());
            try {
                write(staging, content, dir.child(name));
                PosixFileAttributeView view = staging.getFileAttributeView(FILE, PosixFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (owner != null) {
                    view.setOwner(owner);               // chown before chmod: it may clear set-id bits
                }
                if (group != null) {
                    view.setGroup(group);
                }
                view.setPermissions(FileFacts.permissions(mode));
                BoundedRead.checkInterrupted(dir.child(name));      // the last point where giving up changes nothing
                staging.move(FILE, dir.stream(), Path.of(name));   // renameat(stagingfd, "new", dirfd, name)
                dir.sync();
            } finally {
                try {
                    staging.deleteFile(FILE);
                } catch (NoSuchFileException e) {
                    // moved into place: the normal case
                } catch (IOException e) {
                    // left inside the private directory, which is then not removed below
                }
                remove(dir, stagingName, own);
            }
        }
    }

    /** Creates the private directory by path (Java has no mkdirat); {@link #open} checks what it got. */
    private static String create(OpenDirectory dir) throws IOException {
        for (int attempt = 0; ; attempt++) {
            byte[] rnd = new byte[8];
            RANDOM.nextBytes(rnd);
            String name = PREFIX + HexFormat.of().formatHex(rnd);
            try {
                Files.createDirectory(dir.path().resolve(name),
                        PosixFilePermissions.asFileAttribute(FileFacts.permissions(0700)));
                return name;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Opens the private directory through the target's handle and checks it is ours and private. */
    private static SecureDirectoryStream<Path> open(OpenDirectory dir, String name) throws IOException {
        SecureDirectoryStream<Path> s;
        try {
            s = dir.stream().newDirectoryStream(Path.of(name), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new RefusedPathException(dir.child(name), "(the agent's private directory) was replaced by "
                    + "another user before it could be opened");
        }
        try {
            PosixFileAttributeView view = s.getFileAttributeView(PosixFileAttributeView.class);
            FileFacts f = FileFacts.of(view.readAttributes());
            if (!f.owner().equals(Identity.self())) {
                throw new RefusedPathException(dir.child(name), "(the agent's private directory) was replaced by "
                        + "another user's directory");
            }
            if (f.mode() != 0700) {
                view.setPermissions(FileFacts.permissions(0700));
            }
            if (s.iterator().hasNext()) {
                throw new RefusedPathException(dir.child(name), "(the agent's private directory) is not empty");
            }
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
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

    /** Removes the private directory, but only if the name still holds the one we made. */
    private static void remove(OpenDirectory dir, String name, FileFacts own) {
        try {
            Optional<FileFacts> now = dir.stat(name);
            if (now.isPresent() && now.get().fileKey().equals(own.fileKey())) {
                dir.stream().deleteDirectory(Path.of(name));
            }
        } catch (IOException e) {
            // an empty private directory is left behind; it holds nothing and is never reused
        }
    }
}
