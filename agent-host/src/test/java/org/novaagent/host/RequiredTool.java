/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Finds a real tool on PATH; a missing tool fails the test when {@code CI=true}, otherwise skips it. */
public final class RequiredTool {

    private RequiredTool() {
    }

    /**
     * @param name executable name
     * @param why  what the test needs it for
     * @return its absolute path
     */
    public static Path require(String name, String why) {
        String pathEnv = System.getenv().getOrDefault("PATH", "");
        for (String dir : pathEnv.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = name + " not installed: " + why;
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
        throw new IllegalStateException("unreachable");
    }
}
