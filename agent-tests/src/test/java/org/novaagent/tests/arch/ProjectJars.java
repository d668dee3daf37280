/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.arch;

import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.novaagent.tests.support.ReactorModules;

/**
 * The project's built module jars on the test class path: the entries that belong to a jar module
 * of the root pom ({@link ReactorModules}), so a new module is described and checked as soon as it
 * is in the build (and {@code ModuleDescriptorTests} fails if it is not on this class path).
 */
final class ProjectJars {

    private ProjectJars() {
    }

    /** @return the jars and class directories of the project's own modules */
    static List<Path> paths() {
        return ReactorModules.classPathEntries().stream().map(Path::of).toList();
    }

    /** @return module references of the project's modules, read from their module descriptors */
    static Set<ModuleReference> moduleReferences() {
        return ModuleFinder.of(paths().toArray(Path[]::new)).findAll().stream()
                .filter(r -> r.descriptor().name().startsWith("org.novaagent"))
                .collect(Collectors.toSet());
    }
}
