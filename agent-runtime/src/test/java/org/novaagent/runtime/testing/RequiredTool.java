/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Integration-test guard: a missing real tool fails the test on CI and skips it elsewhere. */
public final class RequiredTool {

    private RequiredTool() {
    }

    /**
     * @param executable an absolute path, e.g. {@code /usr/bin/python3}
     * @param why        what the test needs it for
     * @return the path
     */
    public static Path require(String executable, String why) {
        Path path = Path.of(executable);
        if (!Files.isExecutable(path)) {
            String message = executable + " not installed: " + why;
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return path;
    }
}
