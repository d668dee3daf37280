/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host.demo;

import java.nio.file.Path;

/**
 * Starts the guest agent for the demo. The runtime implements it by running the real agent loop
 * in-process; tests use a fake agent. The host module knows nothing about the runtime.
 */
@FunctionalInterface
public interface AgentLauncher {

    /**
     * Starts an agent that serves requests from the XenStore at {@code xenstoreSocket} and applies
     * them to {@code scratchRoot} only (never the live system). Must return once the agent is
     * started; the demo waits for it with {@code version} retries.
     *
     * @param xenstoreSocket the embedded XenStore's Unix socket
     * @param scratchRoot    the target root laid out by {@link DistroRootBuilder}
     * @return a handle; closing it stops the agent and waits for it to finish
     * @throws Exception when the agent cannot be started (reported by the demo as a failed step)
     */
    AutoCloseable start(Path xenstoreSocket, Path scratchRoot) throws Exception;
}
