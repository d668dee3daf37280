/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api.support;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Optional;

/**
 * One directory under the target root, held open as a {@link SecureDirectoryStream} (a directory
 * descriptor). Every look-up below it is relative to that descriptor and never follows a symbolic
 * link ({@code openat(dirfd, name, O_NOFOLLOW)}, {@code fstatat(..., AT_SYMLINK_NOFOLLOW)}), so a
 * user who owns a directory on the way cannot redirect the agent by renaming or linking entries
 * after they were checked. Exists because {@code toRealPath()} checks and path-based writes are
 * always one rename behind such a user (issue #19 findings 1, 2, 6).
 */
final class OpenDirectory implements Closeable {

    private final Path root;
    private final String relative;
    private final SecureDirectoryStream<Path> stream;
    /** Every directory above this one is the agent's and writable by nobody else: this path cannot be redirected. */
    private final boolean stable;
    /** When this path is not stable: the deepest directory on the way whose path is (its own handle); else null. */
    private final OpenDirectory anchor;

    private OpenDirectory(Path root, String relative, SecureDirectoryStream<Path> stream, boolean stable,
            OpenDirectory anchor) {
        this.root = root;
        this.relative = relative;
        this.stream = stream;
        this.stable = stable;
        this.anchor = anchor;
    }

    /**
     * @param root the target root (trusted: chosen by the operator; symlinks in it are followed)
     * @return the root itself, held open
     * @throws IOException when it is not a directory or the platform has no secure directory streams
     */
    static OpenDirectory ofRoot(Path root) throws IOException {
        DirectoryStream<Path> ds = Files.newDirectoryStream(root);
        if (!(ds instanceof SecureDirectoryStream<Path> sds)) {
            ds.close();
            throw new IOException("this platform offers no secure directory streams (openat): refusing to write");
        }
        return new OpenDirectory(root, "", sds, true, null);
    }

    /**
     * @return a directory whose own path cannot be redirected by another user, so that creating an
     *         entry in it by path (Java has no {@code mkdirat}) lands where the handle is: this
     *         directory when its path is stable, else the deepest such directory above it
     */
    OpenDirectory stableHome() {
        return stable ? this : anchor;
    }

    /** @return true when every directory above this one is the agent's and writable by no one else */
    boolean isStable() {
        return stable;
    }

    /** @return this directory's path relative to the root ({@code ""} for the root) */
    String relative() {
        return relative;
    }

    /** @return the handle */
    SecureDirectoryStream<Path> stream() {
        return stream;
    }

    /**
     * @param name an entry of this directory
     * @return its root-relative path, for messages
     */
    String child(String name) {
        return relative.isEmpty() ? name : relative + "/" + name;
    }

    /**
     * Opens a sub-directory below this one, one component at a time, never following a link.
     *
     * @param path       a relative path ({@code a/b}) below this directory, or {@code ""} for itself
     * @param createMode mode of directories to create when missing; {@code -1}: do not create
     * @param private_   the directories on the way must be owned by the agent, and are tightened
     *                   to {@code createMode} when they are not (backups)
     * @return the opened directory, or empty when one is missing and {@code createMode} is -1
     * @throws RefusedPathException when a component is a symbolic link or not a directory
     */
    Optional<OpenDirectory> descend(String path, int createMode, boolean private_) throws IOException {
        if (path.isEmpty()) {
            return Optional.of(reopen());
        }
        OpenDirectory current = this;
        for (String name : path.split("/")) {
            Optional<OpenDirectory> next;
            try {
                next = current.open(name, createMode, private_);
            } finally {
                if (current != this) {
                    current.close();
                }
            }
            if (next.isEmpty()) {
                return next;
            }
            current = next.get();
        }
        return Optional.of(current);
    }

    /** @return a second handle on this directory (and its anchor), closed independently */
    private OpenDirectory reopen() throws IOException {
        OpenDirectory a = anchor == null ? null : anchor.reopen();
        try {
            return new OpenDirectory(root, relative, stream.newDirectoryStream(Path.of("."), LinkOption.NOFOLLOW_LINKS),
                    stable, a);
        } catch (IOException | RuntimeException e) {
            if (a != null) {
                a.close();
            }
            throw e;
        }
    }

    /** The agent's own directory that no one else may write: an entry's path in it is stable. */
    private boolean trusted() throws IOException {
        FileFacts f = self();
        return f.owner().equals(Identity.self()) && (f.mode() & 0022) == 0;
    }

    private Optional<OpenDirectory> open(String name, int createMode, boolean private_) throws IOException {
        String rel = child(name);
        Optional<FileFacts> facts = stat(name);
        boolean created = false;
        if (facts.isEmpty()) {
            if (createMode < 0) {
                return Optional.empty();
            }
            created = PrivateDirectory.create(this, name);
            facts = stat(name);
        }
        FileFacts f = facts.orElseThrow(() -> new NoSuchFileException(rel));
        if (f.type() == FileFacts.Type.SYMLINK) {
            throw new RefusedPathException(rel, "is a symbolic link; refusing to follow it");
        }
        if (f.type() != FileFacts.Type.DIRECTORY) {
            throw new RefusedPathException(rel, "is not a directory");
        }
        SecureDirectoryStream<Path> sub;
        try {
            sub = stream.newDirectoryStream(Path.of(name), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new RefusedPathException(rel, "changed while it was opened (" + e.getClass().getSimpleName() + ")");
        }
        OpenDirectory dir;
        try {
            boolean childStable = stable && trusted();
            dir = new OpenDirectory(root, rel, sub, childStable, childStable ? null : stableHome().reopen());
        } catch (IOException | RuntimeException e) {
            sub.close();
            throw e;
        }
        try {
            FileFacts opened = dir.self();
            if (!opened.fileKey().equals(f.fileKey())) {
                throw new RefusedPathException(rel, "changed while it was opened");
            }
            if (created || private_) {
                if (!opened.owner().equals(Identity.self())) {
                    throw new RefusedPathException(rel, created ? "was replaced by another user while it was created"
                            : "is not owned by " + Identity.self().getName());
                }
                if (opened.mode() != createMode) {
                    dir.attributes().setPermissions(FileFacts.permissions(createMode));   // fchmod on the descriptor
                }
            }
            return Optional.of(dir);
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /**
     * @param name an entry of this directory
     * @return what it is ({@code lstat} through the descriptor), or empty when it does not exist
     */
    Optional<FileFacts> stat(String name) throws IOException {
        try {
            return Optional.of(FileFacts.of(stream.getFileAttributeView(Path.of(name), PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS).readAttributes()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** @return this directory's own facts ({@code fstat} on the descriptor) */
    FileFacts self() throws IOException {
        return FileFacts.of(attributes().readAttributes());
    }

    /** @return the attribute view of the directory itself: every change is an {@code f*} call on its descriptor */
    PosixFileAttributeView attributes() {
        return stream.getFileAttributeView(PosixFileAttributeView.class);
    }

    /** Flushes this directory's entries to disk (after a rename or an unlink); best effort. */
    void sync() {
        try (var ch = (java.nio.channels.FileChannel) stream.newByteChannel(Path.of("."),
                java.util.Set.of(java.nio.file.StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            ch.force(true);
        } catch (IOException | ClassCastException e) {
            // some file systems cannot fsync a directory; the rename itself is atomic anyway
        }
    }

    /**
     * @return where this directory was when it was opened, for path-only operations (mkdir); only
     *         {@link #stableHome()}'s path is sure to still lead there
     */
    Path path() {
        return relative.isEmpty() ? root : root.resolve(relative);
    }

    @Override
    public void close() throws IOException {
        try {
            stream.close();
        } finally {
            if (anchor != null) {
                anchor.close();
            }
        }
    }
}
