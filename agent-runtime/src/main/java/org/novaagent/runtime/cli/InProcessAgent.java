/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.novaagent.runtime.AgentAssembly;
import org.novaagent.runtime.config.AgentConfig;
import org.novaagent.runtime.loop.AgentDaemon;
import org.novaagent.runtime.loop.DaemonSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the real agent (the same assembly and message loop as {@code agent run}) on a thread of
 * this JVM, against a given XenStore socket and scratch root: what
 * {@link org.novaagent.api.cli.CliEnvironment#startAgent} offers to CLI extensions such as
 * {@code agent demo}. The root is never {@code /}, so every external command is logged instead of run.
 */
final class InProcessAgent {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessAgent.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private InProcessAgent() {
    }

    /**
     * @param xenstoreSocket the XenStore socket
     * @param scratchRoot    the target root
     * @return a handle that stops the agent
     * @throws IllegalArgumentException when the root is the live system
     * @throws Exception                when the agent does not become ready
     */
    static AutoCloseable start(Path xenstoreSocket, Path scratchRoot) throws Exception {
        if (scratchRoot.toAbsolutePath().normalize().getParent() == null) {
            throw new IllegalArgumentException("an in-process agent never targets the live system /");
        }
        AgentConfig cfg = AgentConfig.defaults().with("xenstore.path", xenstoreSocket.toString());
        // the scratch root has no plugins directory: boot-layer handlers only, as a fresh install
        AgentAssembly agent = AgentAssembly.build(scratchRoot, scratchRoot.resolve("usr/lib/nova-agent/plugins"), cfg, false);
        DaemonSettings settings = RunCommand.settings(agent, false);
        AgentDaemon daemon = AgentDaemon.create(settings, agent.router())
                .recordTo(org.novaagent.runtime.history.RequestHistory.forHost(agent.root(), agent.hostFacts()));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                daemon.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                failure.set(e);
                LOG.error("in-process agent stopped", e);
            }
        }, "nova-agent");
        thread.setDaemon(true);
        thread.start();
        if (!daemon.awaitReady(START_TIMEOUT)) {
            daemon.requestStop();
            throw new IllegalStateException("the agent did not become ready within " + START_TIMEOUT.toSeconds() + " s"
                    + (failure.get() == null ? "" : ": " + failure.get()));
        }
        return () -> {
            daemon.requestStop();
            if (!daemon.awaitTermination(Duration.ofSeconds(10))) {
                LOG.warn("the in-process agent did not stop within 10 s");
            }
        };
    }
}
