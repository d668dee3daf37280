/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.xenstore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The project rule for tests that need a real tool: fail when {@code CI=true}, else skip with the
 * reason. Kept in one place so every XenStore integration test behaves the same way.
 */
public final class RequiredTool {

    private RequiredTool() {
    }

    /** Requires an executable file (e.g. {@code /usr/bin/xenstore-read}). */
    public static void require(Path executable, String why) {
        if (!Files.isExecutable(executable)) {
            missing(executable + " not installed: " + why);
        }
    }

    /** Requires root (oxenstored needs mount namespaces and mknod). */
    public static void requireRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:") && line.split("\\s+")[1].equals("0")) {
                    return;
                }
            }
        } catch (IOException e) {
            missing("cannot read /proc/self/status: " + e.getMessage());
        }
        missing("oxenstored tests need root (unshare -m, mount, mknod)");
    }

    /** Requires the pyxs module under Debian's /usr/bin/python3. */
    public static void requirePyxs() {
        require(Path.of("/usr/bin/python3"), "pyxs runs under Debian's python3");
        if (!Files.isDirectory(Path.of("/usr/lib/python3/dist-packages/pyxs"))) {
            missing("python3-pyxs not installed: independent XenStore client for cross-checks");
        }
    }

    private static void missing(String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }
}
