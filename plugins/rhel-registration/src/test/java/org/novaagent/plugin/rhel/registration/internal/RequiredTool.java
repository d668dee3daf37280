/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.rhel.registration.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Skips a test when a real tool is missing, except on CI ({@code CI=true}) where it fails. */
final class RequiredTool {

    private RequiredTool() {
    }

    static void require(String absolutePath, String why) {
        if (Files.isExecutable(Path.of(absolutePath))) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(absolutePath + " not installed: " + why);
        }
        Assumptions.abort(absolutePath + " not installed: " + why);
    }
}
