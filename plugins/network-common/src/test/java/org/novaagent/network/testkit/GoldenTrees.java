/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertLinesMatch;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.novaagent.network.FileStager;

/**
 * Compares a rendered target root with an expected tree ({@code src/test/resources/golden/<scenario>/}):
 * the whole tree, no missing and no extra files, byte-exact after normalising only the trailing
 * newline. With {@code -Dgolden.update=true} the expected tree is rewritten instead and the test
 * fails on purpose, so reviewers see the change in Git and nobody can leave the mode on.
 */
public final class GoldenTrees {

    /** Default filter: everything except {@code sys/}, the stager's backups and temp files. */
    public static final Predicate<String> RENDERED = rel -> !rel.startsWith("sys/")
            && !rel.startsWith(FileStager.BACKUP_DIR + "/") && !rel.contains(".nova-agent-");

    private GoldenTrees() {
    }

    /** @return true when {@code -Dgolden.update=true} */
    public static boolean updating() {
        return Boolean.getBoolean("golden.update");
    }

    /**
     * @param expectedDir the golden tree (a source directory, e.g. {@code src/test/resources/golden/x})
     * @param actualRoot  the rendered root
     * @throws IOException on read failures
     */
    public static void assertTree(Path expectedDir, Path actualRoot) throws IOException {
        assertTree(expectedDir, actualRoot, RENDERED);
    }

    /**
     * @param expectedDir the golden tree
     * @param actualRoot  the rendered root
     * @param include     which root-relative paths of the actual tree take part
     * @throws IOException on read failures
     */
    public static void assertTree(Path expectedDir, Path actualRoot, Predicate<String> include) throws IOException {
        Map<String, String> actual = read(actualRoot, include);
        if (updating()) {
            if (Files.exists(expectedDir)) {
                try (Stream<Path> walk = Files.walk(expectedDir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            for (Map.Entry<String, String> e : actual.entrySet()) {
                Path p = expectedDir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
            }
            fail("golden.update: rewrote " + expectedDir + "; review the diff and run again without -Dgolden.update"
                    + " (the update mode always fails, so it cannot be left on)");
        }
        Map<String, String> expected = read(expectedDir, rel -> true);
        assertLinesMatch(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()),
                "file list of " + actualRoot + " differs from " + expectedDir);
        for (String rel : expected.keySet()) {
            assertEquals(normalise(expected.get(rel)), normalise(actual.get(rel)), "content of " + rel);
        }
    }

    private static Map<String, String> read(Path dir, Predicate<String> include) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(dir)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString();
                if (include.test(rel)) {
                    out.put(rel, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static String normalise(String s) {
        return s.replaceAll("\n+$", "") + "\n";
    }
}
