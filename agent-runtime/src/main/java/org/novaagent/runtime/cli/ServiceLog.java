/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.novaagent.runtime.config.AgentPaths;
import org.novaagent.runtime.winservice.RotatingLogStream;

/**
 * Points {@code System.err} (where slf4j-simple writes) at the Windows service's rotating log,
 * {@code %ProgramData%\nova-agent\logs\nova-agent.log}, 5 MiB per file, 5 old files kept. Must
 * run before the first logger is created. If the file cannot be opened, stderr stays as it is
 * (the SCM discards it, but the service still runs).
 */
final class ServiceLog {

    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final int KEEP = 5;

    private ServiceLog() {
    }

    static void redirectStderr() {
        redirectStderr(AgentPaths.forThisJvm().logDir());
    }

    static void redirectStderr(Path dir) {
        try {
            System.setErr(new PrintStream(new RotatingLogStream(dir, MAX_BYTES, KEEP), true, StandardCharsets.UTF_8));
        } catch (IOException | SecurityException e) {
            System.err.println("cannot open the log in " + dir + ": " + e.getMessage());
        }
    }
}
