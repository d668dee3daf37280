/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.arch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertLinesMatch;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Module-descriptor goldens (JUnit's JarDescribeModuleTests): the requires, exports, opens, uses and
 * provides of every project module must match {@code src/test/resources/modules/<module>.expected.txt}.
 * Run with {@code -Dgolden.update=true} to rewrite the expected files, then review the diff.
 */
class ModuleDescriptorTests {

    private static final Path GOLDEN = Path.of("src/test/resources/modules");

    static Stream<ModuleReference> modules() {
        return ProjectJars.moduleReferences().stream()
                .sorted(Comparator.comparing(r -> r.descriptor().name()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void descriptorMatchesGolden(ModuleReference ref) throws IOException {
        ModuleDescriptor d = ref.descriptor();
        List<String> actual = describe(d);
        Path expectedFile = GOLDEN.resolve(d.name() + ".expected.txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.write(expectedFile, actual);
        }
        assertTrue(Files.exists(expectedFile), "missing golden " + expectedFile + " (run with -Dgolden.update=true)");
        assertLinesMatch(Files.readAllLines(expectedFile), actual, d.name());
        assertFalse(d.isAutomatic(), d.name() + " must be an explicit module");
    }

    static List<String> describe(ModuleDescriptor d) {
        List<String> lines = new ArrayList<>();
        lines.add("module " + d.name());
        d.requires().stream().filter(r -> !r.name().equals("java.base"))
                .map(r -> "requires " + r.modifiers().stream().map(m -> m.name().toLowerCase() + " ").sorted()
                        .reduce("", String::concat) + r.name())
                .sorted().forEach(lines::add);
        d.exports().stream().map(e -> "exports " + e.source() + (e.isQualified() ? " to " + e.targets() : ""))
                .sorted().forEach(lines::add);
        d.opens().stream().map(o -> "opens " + o.source() + (o.isQualified() ? " to " + o.targets() : ""))
                .sorted().forEach(lines::add);
        d.uses().stream().map(u -> "uses " + u).sorted().forEach(lines::add);
        d.provides().stream().map(p -> "provides " + p.service() + " with " + String.join(",", p.providers().stream().sorted().toList()))
                .sorted().forEach(lines::add);
        return lines;
    }
}
