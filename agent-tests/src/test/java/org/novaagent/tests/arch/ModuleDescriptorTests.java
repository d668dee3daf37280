/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertLinesMatch;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.novaagent.tests.support.ReactorModules;

/**
 * Module-descriptor goldens (JUnit's JarDescribeModuleTests): the requires, exports, opens, uses and
 * provides of every project module must match {@code src/test/resources/modules/<module>.expected.txt}.
 * The modules are the jar modules of the root pom ({@link ReactorModules}); a module without a golden
 * and a golden without a module both fail. Run with {@code -Dgolden.update=true} to rewrite the
 * expected files: that run fails on purpose, so review the diff and run again without it.
 */
class ModuleDescriptorTests {

    private static final Path GOLDEN = Path.of("src/test/resources/modules");
    private static final String SUFFIX = ".expected.txt";

    static Stream<ModuleReference> modules() {
        return ProjectJars.moduleReferences().stream()
                .sorted(Comparator.comparing(r -> r.descriptor().name()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void descriptorMatchesGolden(ModuleReference ref) throws IOException {
        ModuleDescriptor d = ref.descriptor();
        List<String> actual = describe(d);
        Path expectedFile = GOLDEN.resolve(d.name() + SUFFIX);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.write(expectedFile, actual);
            fail("golden.update: rewrote " + expectedFile + "; review the diff and run again without -Dgolden.update"
                    + " (the update mode always fails, so it cannot be left on)");
        }
        assertTrue(Files.exists(expectedFile), "missing golden " + expectedFile + " (run with -Dgolden.update=true)");
        assertLinesMatch(Files.readAllLines(expectedFile), actual, d.name());
        assertFalse(d.isAutomatic(), d.name() + " must be an explicit module");
    }

    /**
     * Every jar module of the build is on this class path (a test dependency of agent-tests) and
     * has a golden file, and every golden file belongs to a module: nothing is checked by accident
     * or silently skipped.
     */
    @Test
    void everyModuleOfTheBuildHasAGoldenAndEveryGoldenAModule() throws IOException {
        List<String> entries = ReactorModules.classPathEntries();
        List<String> missing = ReactorModules.jarModules().stream()
                .filter(m -> entries.stream().noneMatch(m::owns)).map(ReactorModules.Module::artifactId).toList();
        assertEquals(List.of(), missing, "jar modules of the root pom missing from agent-tests' dependencies");
        Set<String> modules = new TreeSet<>(ProjectJars.moduleReferences().stream().map(r -> r.descriptor().name()).toList());
        assertEquals(ReactorModules.jarModules().size(), modules.size(),
                "one JPMS module per jar module of the build: " + modules);
        Set<String> goldens = new TreeSet<>();
        try (Stream<Path> files = Files.list(GOLDEN)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(SUFFIX))
                    .map(n -> n.substring(0, n.length() - SUFFIX.length())).forEach(goldens::add);
        }
        assertEquals(modules, goldens, "golden files (" + GOLDEN + ") and built modules differ");
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
