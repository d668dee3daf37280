/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every regular file and symbolic link under a root, with its content hash and mode, so a test can
 * say which files a failed command changed, removed or left behind.
 */
final class RootSnapshot {

    private final Map<String, String> files;

    private RootSnapshot(Map<String, String> files) {
        this.files = files;
    }

    /** The agent's request journal: records come and go with every request, whatever the disk does. */
    static final String JOURNAL = "var/lib/nova-agent/requests";

    /** @return the snapshot of every file under {@code root} (paths relative to it) but the journal */
    static RootSnapshot of(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (Path p : filesOutsideJournal(root)) {
            if (Files.isSymbolicLink(p)) {
                files.put(root.relativize(p).toString(), "-> " + Files.readSymbolicLink(p));
            } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                files.put(root.relativize(p).toString(), sha256(Files.readAllBytes(p)) + " "
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)));
            }
        }
        return new RootSnapshot(files);
    }

    /**
     * @return every file under {@code root} except the request journal's subtree, which is never
     *         entered (its records vanish right after a reply is committed: a walk would race them),
     *         and the request history ({@code var/lib/nova-agent/history*}, one line per request)
     */
    static List<Path> filesOutsideJournal(Path root) throws IOException {
        List<Path> all = new ArrayList<>();
        Path journal = root.resolve(JOURNAL);
        Path state = journal.getParent();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(journal) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                // the request history (agent status) records every request: bookkeeping, not configuration
                if (file.getParent().equals(state) && file.getFileName().toString().startsWith("history")) {
                    return FileVisitResult.CONTINUE;
                }
                all.add(file);
                return FileVisitResult.CONTINUE;
            }
        });
        return all;
    }

    /** @return files whose name marks them as temporary ({@code *.nova-agent.tmp}, {@code .nova-tmp-*}, {@code .tmp-*}) */
    List<String> temporaryFiles() {
        return files.keySet().stream().filter(f -> Path.of(f).getFileName().toString().contains("tmp")).toList();
    }

    /** @return one line per file of this snapshot that {@code later} changed or lacks; empty when none */
    String changedOrRemoved(RootSnapshot later) {
        List<String> lines = new ArrayList<>();
        files.forEach((path, state) -> {
            String now = later.files.get(path);
            if (now == null) {
                lines.add("removed " + path);
            } else if (!now.equals(state)) {
                lines.add("changed " + path);
            }
        });
        return String.join("\n", lines);
    }

    /** @return {@link #changedOrRemoved} plus the files {@code later} added, for messages */
    String diff(RootSnapshot later) {
        StringBuilder sb = new StringBuilder(changedOrRemoved(later));
        later.files.keySet().stream().filter(p -> !files.containsKey(p)).forEach(p -> sb.append("\nadded ").append(p));
        return sb.toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
