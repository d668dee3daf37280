/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.novaagent.api.support.BackupDirectory;
import org.novaagent.api.support.WindowsFiles;
import org.novaagent.api.support.WriteOptions;

/**
 * {@link StateFiles} in {@code ProgramData/nova-agent} under a Windows root ({@code
 * C:\ProgramData\nova-agent}, beside the configuration, the logs and file-inject's
 * {@link BackupDirectory#WINDOWS_RELATIVE}), through {@link WindowsFiles}: no symbolic link,
 * junction or other reparse point followed on the way, names matched as NTFS does, a temporary file
 * forced to disk and moved over the target atomically. Before every read, write, listing or removal,
 * the state directory and each directory below it on the way are checked by the
 * {@link StateDirectoryGuard}; when one is not private to the agent nothing is done and the
 * {@link IOException} names the directory, what is wrong and the fix. A missing state directory is
 * created private ({@link StateDirectoryGuard#makePrivate}); files and subdirectories inherit its
 * access.
 */
public final class WindowsStateFiles implements StateFiles {

    /** The state directory, relative to the Windows root (the system drive). */
    public static final String RELATIVE = "ProgramData/nova-agent";

    private static final String TEMPORARY = ".nova-agent-";

    private final WindowsFiles files;
    private final StateDirectoryGuard guard;

    private WindowsStateFiles(Path root, StateDirectoryGuard guard) {
        this.files = WindowsFiles.under(root);
        this.guard = guard;
    }

    /**
     * @param root the Windows root
     * @return its state files, guarded as its file system allows ({@link StateDirectoryGuard#forFileSystem})
     */
    public static WindowsStateFiles under(Path root) {
        return new WindowsStateFiles(root, StateDirectoryGuard.forFileSystem(root.getFileSystem()));
    }

    /**
     * @param root  the Windows root
     * @param guard the guard (tests: over an in-memory ACL model)
     * @return its state files
     */
    public static WindowsStateFiles under(Path root, StateDirectoryGuard guard) {
        return new WindowsStateFiles(root, guard);
    }

    @Override
    public String directory() {
        return RELATIVE;
    }

    @Override
    public Path path() {
        return files.root().resolve(RELATIVE);
    }

    /**
     * What {@code doctor} reports: nothing when the state directory is private or not created yet.
     *
     * @return why someone other than the agent could change the state directory, each with the fix
     */
    public List<String> problems() {
        try {
            return exists(RELATIVE) ? guard.problems(path()) : List.of();
        } catch (IOException e) {
            return List.of("state directory " + path() + ": " + e.getMessage());
        }
    }

    /** @return the guard's fix for a state directory that is not private */
    public String fix() {
        return guard.fix();
    }

    @Override
    public Optional<byte[]> read(String name, long limit) throws IOException {
        checkDirectories(name, false);
        return files.read(RELATIVE + "/" + name, limit);
    }

    @Override
    public void write(String name, byte[] content) throws IOException {
        checkDirectories(name, true);
        files.write(RELATIVE + "/" + name, content, WriteOptions.mode(0600).withParents(0700));
    }

    @Override
    public boolean delete(String name) throws IOException {
        checkDirectories(name, false);
        return files.delete(RELATIVE + "/" + name);
    }

    @Override
    public List<String> listFiles(String dir) throws IOException {
        checkDirectories(dir + "/-", false);
        return files.listFiles(RELATIVE + "/" + dir).stream().filter(n -> !n.startsWith(TEMPORARY)).toList();
    }

    @Override
    public int removeInterruptedWrites(String dir) throws IOException {
        checkDirectories(dir + "/-", false);
        int removed = 0;
        for (String name : files.listFiles(RELATIVE + "/" + dir)) {
            if (name.startsWith(TEMPORARY) && name.endsWith(".tmp") && files.delete(RELATIVE + "/" + dir + "/" + name)) {
                removed++;
            }
        }
        return removed;
    }

    /**
     * Creates the state directory private when {@code create} and it is missing, then checks it and
     * every existing directory below it on the way to {@code name}.
     */
    private void checkDirectories(String name, boolean create) throws IOException {
        if (create && !exists(RELATIVE)) {
            files.createDirectory("ProgramData");
            Optional<Path> made = files.createDirectory(RELATIVE, guard.creationAttributes());
            if (made.isPresent()) {
                guard.makePrivate(made.get());
            }
        }
        List<String> parts = List.of(name.split("/"));
        String rel = RELATIVE;
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < parts.size() && exists(rel); i++) {
            problems.addAll(guard.problems(files.root().resolve(rel)));
            rel = rel + "/" + parts.get(i);
        }
        if (!problems.isEmpty()) {
            throw new IOException("state directory " + path() + " is not private to the agent, nothing written or read: "
                    + String.join("; ", problems) + "; fix: " + guard.fix());
        }
    }

    /**
     * @return whether the directory is there as spelled (a link, reparse point or file on the way is
     *         refused; NTFS matches the case itself, but under a Windows-shaped root on Linux a
     *         differently-cased one would be used by {@link WindowsFiles} unchecked, so it is refused)
     */
    private boolean exists(String rel) throws IOException {
        files.listFiles(rel);
        Path exact = files.root().resolve(rel);
        if (Files.isDirectory(exact, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        Path parent = exact.getParent();
        if (Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
            String name = exact.getFileName().toString();
            try (Stream<Path> entries = Files.list(parent)) {
                if (entries.anyMatch(e -> e.getFileName().toString().equalsIgnoreCase(name))) {
                    throw new IOException("state directory " + path() + ": " + rel + " exists spelled differently;"
                            + " rename it to " + name);
                }
            }
        }
        return false;
    }
}
