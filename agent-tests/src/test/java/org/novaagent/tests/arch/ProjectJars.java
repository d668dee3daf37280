/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.arch;

import java.io.File;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Locates the project's built module jars on the test class path (Maven puts the reactor jars there). */
final class ProjectJars {

    private ProjectJars() {
    }

    /** @return the jars and class directories of the project's own modules */
    static List<Path> paths() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> p.toString().contains("org/novaagent") || p.toString().matches(".*/(agent-[a-z]+|xenstore-sim|password|network-[a-z]+|rhel-registration|windows-activation)/target/.*"))
                .filter(p -> !p.toString().contains("agent-tests"))
                .filter(p -> !p.toString().endsWith("-tests.jar") && !p.toString().endsWith("test-classes"))
                .filter(Files::exists)
                .collect(Collectors.toList());
    }

    /** @return module references of the project's modules, read from their module descriptors */
    static Set<ModuleReference> moduleReferences() {
        return ModuleFinder.of(paths().toArray(Path[]::new)).findAll().stream()
                .filter(r -> r.descriptor().name().startsWith("org.novaagent"))
                .collect(Collectors.toSet());
    }
}
