/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds a real tool for an integration test: missing tools fail the test when {@code CI=true}
 * and skip it otherwise.
 */
final class RequiredTool {

    private RequiredTool() {
    }

    /**
     * @param name a bare command name (searched in PATH, /usr/sbin, /sbin) or an absolute path
     * @param why  what the test needs it for
     * @return the executable
     */
    static Path require(String name, String why) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/local/sbin", "/usr/sbin", "/sbin", "/usr/bin", "/bin"));
        if (name.startsWith("/")) {
            dirs = List.of("");
        }
        for (String dir : dirs) {
            Path candidate = Path.of(dir.isEmpty() ? name : dir + "/" + name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = name + " not installed: " + why;
        if ("true".equals(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    /** Like {@link #require}, and also skips/fails when the tests do not run as root. */
    static Path requireAsRoot(String name, String why) {
        Path tool = require(name, why);
        if (!"root".equals(System.getProperty("user.name"))) {
            String message = name + " needs root for -R <scratch root>: " + why;
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return tool;
    }
}
