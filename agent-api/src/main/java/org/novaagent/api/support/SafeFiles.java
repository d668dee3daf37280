/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api.support;

import java.io.IOException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The one way a plugin writes, reads or removes a file under the target root when it runs as root
 * and some directory on the way may belong to someone else (a user's {@code ~/.ssh}, an image's
 * {@code etc}). Every path is root-relative; every component is opened from the root downwards
 * through directory handles without following symbolic links, and a link anywhere (the last
 * component included) is refused with a {@link RefusedPathException} naming the relative path.
 * Writes are atomic (readers see the old or the new file), fsync'ed with their directory, and made
 * in a private directory so no name another user can swap is ever written, chown'ed or chmod'ed
 * (see {@link StagingDirectory}). See "Writing files safely" in the agent-api README.
 *
 * <p>Instances are immutable and thread-safe; each call opens and closes its own handles. Calls
 * check for interruption between chunks of I/O and then throw {@link java.io.InterruptedIOException}
 * (the target unchanged when that happens before the final rename). Linux only: elsewhere every
 * call throws {@link IOException}.
 */
public final class SafeFiles {

    /**
     * Most bytes copied from an existing file for a backup or an unchanged-content comparison
     * (1 MiB: config files and key lists are far smaller).
     */
    public static final long COPY_LIMIT = 1 << 20;

    /**
     * The agent's own state directory, relative to the target root: private (0700), holding the
     * backups ({@link BackupDirectory}), the request journal and the request history.
     */
    public static final String STATE_DIRECTORY = "var/lib/nova-agent";

    private final Path root;

    private SafeFiles(Path root) {
        this.root = root;
    }

    /**
     * @param root the target root; it is trusted (chosen by the operator) and may itself be reached
     *             through links
     * @return the files under it
     */
    public static SafeFiles under(Path root) {
        return new SafeFiles(root.toAbsolutePath().normalize());
    }

    /** @return the target root */
    public Path root() {
        return root;
    }

    /**
     * @param relative a root-relative path ({@code etc/hostname})
     * @return what is there, not following a link at the last component; empty when nothing is
     *         there (or a parent is missing)
     * @throws RefusedPathException when a parent component is a link or not a directory
     */
    public Optional<FileFacts> stat(String relative) throws IOException {
        return inParent(relative, Optional.empty(), (top, d, name) -> d.stat(name));
    }

    /**
     * @param relative a root-relative path
     * @param limit    largest size accepted, in bytes
     * @return the content of the regular file there, or empty when nothing is there
     * @throws RefusedPathException when any component is a link, the file is not regular, has more
     *                              than one hard link, or is larger than {@code limit}
     */
    public Optional<byte[]> read(String relative, long limit) throws IOException {
        return inParent(relative, Optional.empty(), (top, d, name) -> BoundedRead.read(d, name, limit));
    }

    /**
     * Atomically creates or replaces a regular file.
     *
     * @param relative a root-relative path
     * @param content  the new content
     * @param options  mode, owner, parents, backup and skip rules
     * @return what was done
     * @throws RefusedPathException when a component is a link, the target is not a regular file or
     *                              is hard-linked
     * @throws NoSuchFileException  when a parent is missing and {@code options} create none
     * @throws IOException          on any other failure; the target is then unchanged
     */
    public WriteOutcome write(String relative, byte[] content, WriteOptions options) throws IOException {
        String[] p = split(relative);
        BoundedRead.checkInterrupted(relative);
        try (OpenDirectory top = OpenDirectory.ofRoot(root)) {
            Optional<OpenDirectory> dir = top.descend(p[0], options.parentMode(), false);
            try (OpenDirectory d = dir.orElseThrow(() -> new NoSuchFileException(p[0]))) {
                Optional<FileFacts> old = d.stat(p[1]);
                if (old.isPresent()) {
                    BoundedRead.checkReadable(d, p[1], old.get());
                }
                int mode = options.keepExisting() && old.isPresent() ? old.get().mode() : options.mode();
                if (options.skipUnchanged() && old.isPresent() && old.get().mode() == mode
                        && old.get().size() == content.length && content.length <= COPY_LIMIT
                        && Arrays.equals(content, BoundedRead.read(d, p[1], COPY_LIMIT).orElse(null))) {
                    return new WriteOutcome(false, WriteOutcome.Backup.NONE, old.get().size());
                }
                WriteOutcome.Backup backup = WriteOutcome.Backup.NONE;
                if (options.backup() && old.isPresent()) {
                    backup = copyToBackup(top, d, p[1], relative, old.get());
                }
                boolean keep = options.keepExisting() && old.isPresent();
                StagingDirectory.replace(d, p[1], content, keep ? old.get().owner() : null,
                        keep ? old.get().group() : null, mode);
                return new WriteOutcome(true, backup, old.map(FileFacts::size).orElse(-1L));
            }
        }
    }

    /**
     * Copies the current content of a file to its one backup ({@link BackupDirectory#backupOf}),
     * with the file's mode, owned by the agent, in directories that are the agent's own and 0700.
     *
     * @param relative a root-relative path
     * @return {@link WriteOutcome.Backup#KEPT}, {@code NONE} when there is no file, or
     *         {@code SKIPPED_TOO_LARGE} above {@link #COPY_LIMIT} (nothing copied)
     * @throws RefusedPathException as for {@link #read}
     */
    public WriteOutcome backup(String relative) throws IOException {
        WriteOutcome none = new WriteOutcome(false, WriteOutcome.Backup.NONE, -1);
        return inParent(relative, none, (top, d, name) -> {
            Optional<FileFacts> old = d.stat(name);
            if (old.isEmpty()) {
                return none;
            }
            BoundedRead.checkReadable(d, name, old.get());
            return new WriteOutcome(false, copyToBackup(top, d, name, relative, old.get()), old.get().size());
        });
    }

    /**
     * Removes a file ({@code unlinkat} through its directory's handle: a link there is removed, never
     * followed).
     *
     * @param relative a root-relative path
     * @return false when there was nothing to remove
     * @throws RefusedPathException when a parent is a link, or the entry is a directory
     */
    public boolean delete(String relative) throws IOException {
        return inParent(relative, false, (top, d, name) -> {
            Optional<FileFacts> old = d.stat(name);
            if (old.isEmpty()) {
                return false;
            }
            if (old.get().type() == FileFacts.Type.DIRECTORY) {
                throw new RefusedPathException(relative, "is a directory");
            }
            d.stream().deleteFile(Path.of(name));
            d.sync();
            return true;
        });
    }

    /** One step on an entry, given the open root, the entry's open directory and its name. */
    @FunctionalInterface
    private interface EntryAction<T> {
        T apply(OpenDirectory top, OpenDirectory dir, String name) throws IOException;
    }

    /** Opens the parent of {@code relative} (creating nothing) and applies {@code action}; {@code absent} when a parent is missing. */
    private <T> T inParent(String relative, T absent, EntryAction<T> action) throws IOException {
        String[] p = split(relative);
        try (OpenDirectory top = OpenDirectory.ofRoot(root)) {
            Optional<OpenDirectory> dir = top.descend(p[0], -1, false);
            if (dir.isEmpty()) {
                return absent;
            }
            try (OpenDirectory d = dir.get()) {
                return action.apply(top, d, p[1]);
            }
        }
    }

    private WriteOutcome.Backup copyToBackup(OpenDirectory top, OpenDirectory dir, String name, String relative,
            FileFacts old) throws IOException {
        if (old.size() > COPY_LIMIT) {
            return WriteOutcome.Backup.SKIPPED_TOO_LARGE;
        }
        byte[] content;
        try {
            content = BoundedRead.read(dir, name, COPY_LIMIT).orElseThrow(() -> new NoSuchFileException(relative));
        } catch (RefusedPathException e) {
            if (e.getMessage().contains("limit")) {
                return WriteOutcome.Backup.SKIPPED_TOO_LARGE;   // it grew after the check
            }
            throw e;
        }
        storeBackup(top, relative, content, old.mode());
        return WriteOutcome.Backup.KEPT;
    }

    /**
     * Writes given content as the one backup of a file (e.g. another tool's config kept for a later
     * restore), in the same private directories as {@link #backup}.
     *
     * @param relative the root-relative path of the file the content belongs to ({@code etc/x})
     * @param content  the content to keep
     * @param mode     the backup's mode
     * @throws RefusedPathException when a backup directory is a link or not the agent's own
     */
    public void writeBackup(String relative, byte[] content, int mode) throws IOException {
        split(relative);
        try (OpenDirectory top = OpenDirectory.ofRoot(root)) {
            storeBackup(top, relative, content, mode);
        }
    }

    /**
     * Atomically creates or replaces a file of the agent's own state below {@link #STATE_DIRECTORY}
     * (the request journal): {@code var/lib} is created 0755 when missing; every directory from
     * {@code var/lib/nova-agent} down is created 0700 when missing, must be owned by the agent and
     * is tightened to 0700 when it is not; the file is owned by the agent with {@code mode}.
     *
     * @param relative a root-relative path below {@link #STATE_DIRECTORY}
     *                 ({@code var/lib/nova-agent/requests/17})
     * @param content  the new content
     * @param mode     the file's mode, e.g. {@code 0600}
     * @throws IllegalArgumentException when {@code relative} is not below the state directory
     * @throws RefusedPathException     when a component is a link, not a directory, or a state
     *                                  directory is not the agent's own
     * @throws IOException              on any other failure; the file is then unchanged
     */
    public void writeState(String relative, byte[] content, int mode) throws IOException {
        if (!relative.startsWith(STATE_DIRECTORY + "/")) {
            throw new IllegalArgumentException("not below " + STATE_DIRECTORY + ": '" + relative + "'");
        }
        split(relative);
        BoundedRead.checkInterrupted(relative);
        try (OpenDirectory top = OpenDirectory.ofRoot(root)) {
            storeState(top, relative, content, mode);
        }
    }

    /**
     * @param relative a root-relative directory, or {@code ""} for the root
     * @return the names of its entries (files, directories, links alike; nothing is followed),
     *         sorted; empty when the directory does not exist
     * @throws RefusedPathException when a component is a link or not a directory
     */
    public List<String> list(String relative) throws IOException {
        if (!relative.isEmpty()) {
            split(relative);
        }
        try (OpenDirectory top = OpenDirectory.ofRoot(root)) {
            Optional<OpenDirectory> dir = top.descend(relative, -1, false);
            if (dir.isEmpty()) {
                return List.of();
            }
            try (OpenDirectory d = dir.get()) {
                List<String> names = new ArrayList<>();
                d.stream().forEach(p -> names.add(p.getFileName().toString()));
                Collections.sort(names);
                return List.copyOf(names);
            }
        }
    }

    /**
     * Removes what writes into a directory of the agent's own state left when the agent was killed
     * mid-write: its private staging directories ({@code .nova-agent-<random>}, the agent's, each
     * holding at most the unfinished file). Call it only when no write into that directory is in
     * progress (the request journal does at start and after each listing, on its one thread).
     *
     * @param relative a root-relative directory below {@link #STATE_DIRECTORY}
     * @return how many were removed; 0 when the directory does not exist
     * @throws RefusedPathException when a component is a link or not a directory
     */
    public int removeInterruptedWrites(String relative) throws IOException {
        if (!relative.startsWith(STATE_DIRECTORY + "/")) {
            throw new IllegalArgumentException("not below " + STATE_DIRECTORY + ": '" + relative + "'");
        }
        split(relative);
        int removed = 0;
        try (OpenDirectory top = OpenDirectory.ofRoot(root)) {
            Optional<OpenDirectory> dir = top.descend(relative, -1, false);
            if (dir.isEmpty()) {
                return 0;
            }
            try (OpenDirectory d = dir.get()) {
                for (String name : list(relative)) {
                    Optional<FileFacts> f = d.stat(name);
                    if (name.startsWith(PrivateDirectory.PREFIX) && f.isPresent()
                            && f.get().type() == FileFacts.Type.DIRECTORY && f.get().owner().equals(Identity.self())) {
                        try (var staging = d.stream().newDirectoryStream(Path.of(name), LinkOption.NOFOLLOW_LINKS)) {
                            for (Path entry : staging) {
                                staging.deleteFile(entry.getFileName());   // unlinkat: a link is removed, not followed
                            }
                        }
                        d.stream().deleteDirectory(Path.of(name));
                        removed++;
                    }
                }
                if (removed > 0) {
                    d.sync();
                }
            }
        }
        return removed;
    }

    private static void storeBackup(OpenDirectory top, String relative, byte[] content, int mode) throws IOException {
        storeState(top, BackupDirectory.RELATIVE + "/" + relative, content, mode);
    }

    /** Writes {@code relative} (below {@code var/lib/nova-agent}) with private directories on the way. */
    private static void storeState(OpenDirectory top, String relative, byte[] content, int mode) throws IOException {
        String[] b = split(relative);
        String state = "var/lib";
        try (OpenDirectory varLib = top.descend(state, 0755, false).orElseThrow();
             OpenDirectory stateDir = varLib.descend(b[0].substring(state.length() + 1), 0700, true).orElseThrow()) {
            Optional<FileFacts> previous = stateDir.stat(b[1]);
            if (previous.isPresent()) {
                BoundedRead.checkReadable(stateDir, b[1], previous.get());
            }
            StagingDirectory.replace(stateDir, b[1], content, null, null, mode);
        }
    }

    /** @return {parent, name}; parent is {@code ""} for a file in the root */
    private static String[] split(String relative) {
        if (relative.isEmpty() || relative.startsWith("/") || relative.endsWith("/") || relative.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a root-relative path: '" + relative + "'");
        }
        for (String s : relative.split("/", -1)) {
            if (s.isEmpty() || s.equals(".") || s.equals("..")) {
                throw new IllegalArgumentException("not a normalised root-relative path: '" + relative + "'");
            }
        }
        int slash = relative.lastIndexOf('/');
        return slash < 0 ? new String[] {"", relative} : new String[] {relative.substring(0, slash),
            relative.substring(slash + 1)};
    }
}
