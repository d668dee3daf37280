/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Integration tests that need a real tool: skipped with a reason when it is missing, but failing
 * when {@code CI=true}, so CI never passes without running them.
 */
public final class RequiredTool {

    private RequiredTool() {
    }

    /**
     * @param tool a command name, e.g. {@code netplan}
     * @return the absolute path of the tool
     */
    public static Path require(String tool) {
        Optional<Path> found = find(tool);
        if (found.isEmpty()) {
            String why = tool + " not installed: needed to validate rendered files with the real tool";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        return found.get();
    }

    /**
     * @param tool a command name
     * @return its path on {@code PATH} or in the sbin directories
     */
    public static Optional<Path> find(String tool) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin:/bin";
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, tool);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
