/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What the runtime hands to a {@link CliCommand}: the output streams of this invocation and the
 * ability to start the real agent in this process. Implemented by the runtime (and by tests).
 */
public interface CliEnvironment {

    /** @return standard output of the command; never {@code null} */
    PrintWriter out();

    /** @return standard error of the command (usage and failure messages); never {@code null} */
    PrintWriter err();

    /**
     * Starts the real agent (the same assembly and message loop as {@code agent run}, with the
     * handlers of the boot layer) on a thread of this process, against the XenStore at
     * {@code xenStore} and the target root {@code root}. The root must not be {@code /}: files are
     * written under it and every external command is logged instead of run. Returns once the
     * agent is watching XenStore.
     *
     * @param xenStore the XenStore Unix socket (for example an embedded XenStore's)
     * @param root     a scratch target root laid out like a distro; never the live system
     * @return a handle; closing it stops the agent and waits for it to finish
     * @throws IllegalArgumentException when {@code root} is the live system's {@code /}
     * @throws Exception                when the agent cannot be started
     */
    AutoCloseable startAgent(Path xenStore, Path root) throws Exception;
}
