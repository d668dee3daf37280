/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No hand-written JSON reader or writer in production code, whatever its name: a JSON tokenizer
 * must recognise (or emit) an object's opening brace one character at a time, so a brace as a
 * {@code char} literal ({@code '{'}) is its fingerprint. No production source has one; Jackson
 * does that work (see {@code ArchitectureTests.jsonIsJacksonsJob} for where Jackson may be used).
 * The deleted {@code FlatJsonObject} and {@code PythonJson} both had it, so this test would have
 * failed on them. The scan covers every {@code src/main/java} of the source tree.
 */
class NoHandWrittenJsonTests {

    private static final Pattern BRACE_CHAR = Pattern.compile("'\\\\?[{}]'");

    @Test
    void noProductionSourceTokenizesJsonByHand() throws IOException {
        List<Path> roots = mainSourceRoots();
        assertTrue(roots.size() >= 10, "found only " + roots + ": the scan would pass vacuously");
        List<String> offenders = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(f);
                    if (BRACE_CHAR.matcher(text).find()) {
                        offenders.add(f.toString());
                    }
                }
            }
        }
        assertEquals(List.of(), offenders, "parse and write JSON with Jackson (the runtime hands plugins parsed values)");
    }

    @Test
    void theFingerprintMatchesATokenizer() {
        assertTrue(BRACE_CHAR.matcher("r.expect('{');").find());
        assertTrue(BRACE_CHAR.matcher("out.append('}');").find());
        assertTrue(!BRACE_CHAR.matcher("out.append(\"{\");").find(), "strings are not the fingerprint");
    }

    /** @return every {@code src/main/java} under the repository root (agent-tests' parent) */
    static List<Path> mainSourceRoots() throws IOException {
        Path repo = Path.of("").toAbsolutePath().getParent();
        try (Stream<Path> dirs = Files.walk(repo, 5)) {
            return dirs.filter(d -> d.endsWith(Path.of("src", "main", "java")) && Files.isDirectory(d))
                    .filter(d -> !d.toString().contains("/target/") && !d.toString().contains("/.git/"))
                    .sorted().toList();
        }
    }
}
