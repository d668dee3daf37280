/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.novaagent.tests.support.ReactorModules;

/**
 * The places that must name modules by hand (Maven dependencies, the per-target plugin sets) agree
 * with the build ({@link ReactorModules}): a plugin module added to the root pom is on the
 * development module path of {@code ./agent}, and a plugin set names only real plugin modules.
 */
class ModuleListTests {

    private static final Path DIST = ReactorModules.root().resolve("dist");

    @Test
    void theDevelopmentModulePathHasTheRuntimeTheDemoAndEveryPlugin() throws IOException {
        String pom = Files.readString(DIST.resolve("pom.xml"));
        List<String> needed = new ArrayList<>(List.of("agent-runtime", "agent-host", "xenstore-sim"));
        ReactorModules.plugins().forEach(m -> needed.add(m.artifactId()));
        List<String> missing = needed.stream()
                .filter(a -> !pom.contains("<artifactId>" + a + "</artifactId>")).toList();
        assertEquals(List.of(), missing, "dist/pom.xml (the module path of ./agent) lacks these modules of the build");
    }

    @Test
    void everyPluginSetNamesOnlyPluginModules() throws IOException {
        Set<String> plugins = new TreeSet<>(ReactorModules.plugins().stream().map(ReactorModules.Module::artifactId).toList());
        assertTrue(plugins.contains("password") && plugins.size() >= 8, "plugins derived from the build: " + plugins);
        assertTrue(!plugins.contains("network-common"), "a library is not a plugin");
        List<Path> sets;
        try (Stream<Path> s = Files.walk(DIST, 2)) {
            sets = s.filter(p -> p.getFileName().toString().equals("plugins.txt")).sorted().toList();
        }
        assertTrue(sets.size() >= 4, "plugin sets: " + sets);
        for (Path set : sets) {
            List<String> names = Arrays.stream(Files.readString(set).strip().split("\\s+")).toList();
            List<String> unknown = names.stream().filter(n -> !plugins.contains(n)).toList();
            assertEquals(List.of(), unknown, set + " names what is not a plugin module of the build " + plugins);
        }
    }
}
