/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Integration tests that need a real tool call {@link #require}: a missing tool fails the test
 * under {@code CI=true} and skips it, with the reason, elsewhere.
 */
public final class RequiredTool {

    private RequiredTool() {
    }

    /** @return the tool's path, after checking it exists */
    public static Path require(String tool, String why) {
        Path found = find(tool);
        if (found == null) {
            String msg = tool + " is not installed: " + why + " (.ci/run installs it)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(msg);
            }
            Assumptions.abort(msg);
        }
        return found;
    }

    private static Path find(String tool) {
        if (tool.startsWith("/")) {
            Path p = Path.of(tool);
            return Files.isExecutable(p) ? p : null;
        }
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin").split(":")) {
            Path p = Path.of(dir, tool);
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
