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
import org.novaagent.tests.support.ReactorModules;

/**
 * Every test that skips for a missing tool or missing root goes through the test kit's
 * {@code RequiredTool}, which skips with the reason elsewhere and fails when {@code CI=true}. A
 * direct JUnit assumption or abort would skip silently in CI too, so none may appear in any test
 * source of the build, except {@code RequiredTool} itself and platform checks on {@code os.name}
 * (a Linux test that does not apply on Windows is not a missing tool).
 */
class SkipRuleTests {

    private static final Pattern ASSUMPTION = Pattern.compile("\\b(Assumptions\\.|assumeTrue\\(|assumeFalse\\(|assumingThat\\(|abort\\()");

    @Test
    void everySkipGoesThroughRequiredTool() throws IOException {
        List<String> offenders = new ArrayList<>();
        int files = 0;
        for (ReactorModules.Module m : ReactorModules.all()) {
            Path tests = ReactorModules.root().resolve(m.dir()).resolve("src/test/java");
            if (!Files.isDirectory(tests)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(tests)) {
                for (Path f : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    if (f.getFileName().toString().equals("SkipRuleTests.java")) {
                        continue;
                    }
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i);
                        if (ASSUMPTION.matcher(line).find() && !line.contains("os.name") && !line.strip().startsWith("import")) {
                            offenders.add(ReactorModules.root().relativize(f) + ":" + (i + 1) + ": " + line.strip());
                        }
                    }
                }
            }
        }
        assertTrue(files > 100, "scanned only " + files + " test files: the rule would pass vacuously");
        assertEquals(List.of(), offenders, "skip through org.novaagent.testkit.RequiredTool (require, requireRoot, requireInstalled)");
    }
}
