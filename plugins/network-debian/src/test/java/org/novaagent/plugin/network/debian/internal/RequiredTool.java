/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.debian.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** The one place that decides what a missing real tool means: fail in CI, skip elsewhere. */
final class RequiredTool {

    private RequiredTool() {
    }

    /**
     * @param tool a command name such as {@code ifup}
     * @param why  what the test needs it for
     * @return the absolute path of the tool
     */
    static String require(String tool, String why) {
        for (String dir : System.getenv().getOrDefault("PATH", "").concat(":/usr/sbin:/sbin").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p.toString();
            }
        }
        String message = tool + " not installed: " + why;
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
        return tool;
    }

    /** Root is needed to create network namespaces; same fail/skip rule. */
    static void requireRoot(String why) {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root) {
            String message = "not running as root: " + why;
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
    }
}
