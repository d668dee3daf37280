/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api.support;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A directory only the agent can enter or change ({@code .nova-agent-<random>}, 0700, checked
 * through its own descriptor to be the agent's and empty). Java has no {@code mkdirat}, so it is
 * made by path, in a directory whose path no other user can redirect ({@link OpenDirectory#stableHome()}),
 * and then moved with {@code renameat} between handles where it is needed. Also how a missing
 * directory is created below a directory another user controls.
 */
final class PrivateDirectory implements Closeable {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The name prefix of every private (staging) directory. */
    static final String PREFIX = ".nova-agent-";

    private final OpenDirectory home;
    private final String name;
    private final SecureDirectoryStream<Path> stream;
    private final FileFacts facts;

    private PrivateDirectory(OpenDirectory home, String name, SecureDirectoryStream<Path> stream, FileFacts facts) {
        this.home = home;
        this.name = name;
        this.stream = stream;
        this.facts = facts;
    }

    /**
     * @param home where to make it: its path must not be redirectable (see {@link OpenDirectory#stableHome()})
     * @return the new, verified, open private directory
     * @throws RefusedPathException when what is found under the new name is not the agent's own
     */
    static PrivateDirectory in(OpenDirectory home) throws IOException {
        String name = null;
        for (int attempt = 0; name == null; attempt++) {
            byte[] rnd = new byte[8];
            RANDOM.nextBytes(rnd);
            String candidate = PREFIX + HexFormat.of().formatHex(rnd);
            try {
                Files.createDirectory(home.path().resolve(candidate),
                        PosixFilePermissions.asFileAttribute(FileFacts.permissions(0700)));
                name = candidate;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
        String rel = home.child(name);
        SecureDirectoryStream<Path> s;
        try {
            s = home.stream().newDirectoryStream(Path.of(name), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new RefusedPathException(rel, "(the agent's private directory) was replaced before it was opened");
        }
        try {
            PosixFileAttributeView view = s.getFileAttributeView(PosixFileAttributeView.class);
            FileFacts f = FileFacts.of(view.readAttributes());
            if (!f.owner().equals(Identity.self())) {
                throw new RefusedPathException(rel, "(the agent's private directory) is another user's");
            }
            if (f.mode() != 0700) {
                view.setPermissions(FileFacts.permissions(0700));
            }
            if (s.iterator().hasNext()) {
                throw new RefusedPathException(rel, "(the agent's private directory) is not empty");
            }
            return new PrivateDirectory(home, name, s, f);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * Creates directory {@code name} in {@code parent}, which another user may control: made
     * privately in a stable place and renamed into {@code parent} through the two handles. Only
     * when that place is on another file system is it made by path in {@code parent} (then a user
     * who swaps a directory above at that instant can have an empty directory made elsewhere; the
     * caller's descriptor check still refuses to use it).
     *
     * @return true when the agent made it, false when it appeared meanwhile
     */
    static boolean create(OpenDirectory parent, String name) throws IOException {
        OpenDirectory home = parent.stableHome();
        if (home != parent) {
            try (PrivateDirectory made = in(home)) {
                try {
                    home.stream().move(Path.of(made.name), parent.stream(), Path.of(name));
                    return true;
                } catch (AtomicMoveNotSupportedException crossDevice) {
                    // fall through to the path-based mkdir below
                } catch (IOException e) {
                    if (parent.stat(name).isPresent()) {
                        return false;
                    }
                    throw e;
                } finally {
                    made.remove();
                }
            }
        }
        try {
            Files.createDirectory(parent.path().resolve(name), PosixFilePermissions.asFileAttribute(
                    FileFacts.permissions(0700)));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    /** @return the directory it was made in */
    OpenDirectory home() {
        return home;
    }

    /** @return its handle */
    SecureDirectoryStream<Path> stream() {
        return stream;
    }

    /** Removes it, but only if its name still holds this directory (best effort; it is empty). */
    void remove() {
        try {
            Optional<FileFacts> now = home.stat(name);
            if (now.isPresent() && now.get().fileKey().equals(facts.fileKey())) {
                home.stream().deleteDirectory(Path.of(name));
            }
        } catch (IOException e) {
            // an empty private directory is left behind; it holds nothing and is never reused
        }
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
