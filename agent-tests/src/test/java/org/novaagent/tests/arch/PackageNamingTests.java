/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every package of every project module starts with its module name (module name = root package). */
class PackageNamingTests {

    @Test
    void everyPackageStartsWithItsModuleName() throws IOException {
        List<String> violations = new ArrayList<>();
        Set<ModuleReference> modules = ProjectJars.moduleReferences();
        assertTrue(modules.size() >= 12, "expected all project modules, found " + modules.size());
        for (ModuleReference ref : modules) {
            ModuleDescriptor d = ref.descriptor();
            for (String pkg : d.packages()) {
                if (!pkg.equals(d.name()) && !pkg.startsWith(d.name() + ".")) {
                    violations.add(d.name() + " contains " + pkg);
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
