/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Content hashes of every regular file under a root, to show which files the agent changed. */
public final class TreeSnapshot {

    /** How a file differs between two snapshots. */
    public enum Kind { ADDED, MODIFIED, REMOVED }

    /**
     * @param path relative path with {@code /} separators
     * @param kind what happened
     */
    public record Change(String path, Kind kind) {
    }

    private static final String JOURNAL = "var/lib/nova-agent/requests/";

    private final Map<String, String> hashes;

    private TreeSnapshot(Map<String, String> hashes) {
        this.hashes = hashes;
    }

    /**
     * @param root directory to scan ({@code sys} is skipped: it is the fake sysfs; so is the
     *             agent's request journal {@code var/lib/nova-agent/requests}, whose records live
     *             only while a request is in progress and may vanish during the walk)
     * @return the snapshot
     * @throws IOException when a file cannot be read
     */
    public static TreeSnapshot take(Path root) throws IOException {
        Map<String, String> map = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                if (Files.isRegularFile(f) && !rel.startsWith("sys/") && !rel.startsWith(JOURNAL)) {
                    map.put(rel, sha256(Files.readAllBytes(f)));
                }
            }
        }
        return new TreeSnapshot(map);
    }

    /**
     * @param after a later snapshot of the same root
     * @return the changes, sorted by path
     */
    public List<Change> diff(TreeSnapshot after) {
        Map<String, Kind> out = new TreeMap<>();
        after.hashes.forEach((p, h) -> {
            String before = hashes.get(p);
            if (before == null) {
                out.put(p, Kind.ADDED);
            } else if (!before.equals(h)) {
                out.put(p, Kind.MODIFIED);
            }
        });
        hashes.keySet().stream().filter(p -> !after.hashes.containsKey(p)).forEach(p -> out.put(p, Kind.REMOVED));
        List<Change> list = new ArrayList<>();
        out.forEach((p, k) -> list.add(new Change(p, k)));
        return list;
    }

    private static String sha256(byte[] data) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks SHA-256", e);
        }
    }
}
