/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files ifupdown reads besides the main {@code /etc/network/interfaces}: every
 * {@code source <glob>} (relative to the including file's directory) and
 * {@code source-directory <dir>} (run-parts names only), recursively, in ifupdown's order.
 * Globs are expanded in the last path component only; others are logged and skipped.
 */
public final class EniSources {

    /** The main file, relative to the target root. */
    public static final String INTERFACES = "etc/network/interfaces";

    private static final Logger LOG = LoggerFactory.getLogger(EniSources.class);
    private static final Pattern RUN_PARTS_NAME = Pattern.compile("[a-zA-Z0-9_-]+");
    private static final int MAX_DEPTH = 8;

    private EniSources() {
    }

    /**
     * @param stager reads under the target root
     * @return root-relative paths of the sourced files (never the main file), each once
     * @throws IOException when a file or directory cannot be read
     */
    public static List<String> sourced(FileStager stager) throws IOException {
        Set<String> seen = new LinkedHashSet<>();
        seen.add(INTERFACES);
        collect(stager, INTERFACES, seen, 0);
        seen.remove(INTERFACES);
        return new ArrayList<>(seen);
    }

    private static void collect(FileStager stager, String file, Set<String> seen, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            LOG.warn("{}: source lines nested deeper than {}; not followed", file, MAX_DEPTH);
            return;
        }
        String content = stager.read(file).orElse("");
        String dir = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "";
        for (String raw : content.lines().toList()) {
            String[] words = raw.strip().split("\\s+");
            if (!words[0].equals("source") && !words[0].equals("source-directory")) {
                continue;
            }
            for (int i = 1; i < words.length; i++) {
                String path = words[i].startsWith("/") ? words[i].substring(1) : dir + "/" + words[i];
                for (String found : words[0].equals("source") ? glob(stager, path) : directory(stager, path)) {
                    if (seen.add(found)) {
                        collect(stager, found, seen, depth + 1);
                    }
                }
            }
        }
    }

    private static List<String> glob(FileStager stager, String path) throws IOException {
        String norm = path.replaceAll("/+", "/");
        int slash = norm.lastIndexOf('/');
        String dir = slash < 0 ? "" : norm.substring(0, slash);
        if (dir.chars().anyMatch(c -> "*?[".indexOf(c) >= 0)) {
            LOG.warn("source {}: a glob in a directory name is not followed", path);
            return List.of();
        }
        Pattern name = EniFileEditor.globToRegex(norm.substring(slash + 1));
        return list(stager, dir, n -> name.matcher(n).matches());
    }

    private static List<String> directory(FileStager stager, String dir) throws IOException {
        return list(stager, dir.replaceAll("/+$", ""), n -> RUN_PARTS_NAME.matcher(n).matches());
    }

    private static List<String> list(FileStager stager, String dir, java.util.function.Predicate<String> take)
            throws IOException {
        Path d;
        try {
            d = stager.resolve(dir);
        } catch (IllegalArgumentException e) {
            LOG.warn("source {}: {}", dir, e.getMessage());
            return List.of();
        }
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        TreeSet<String> names = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(d)) {
            for (Path p : entries) {
                String n = p.getFileName().toString();
                if (Files.isRegularFile(p) && !n.startsWith(".") && take.test(n)) {
                    names.add(n);
                }
            }
        }
        return names.stream().map(n -> dir + "/" + n).toList();
    }
}
