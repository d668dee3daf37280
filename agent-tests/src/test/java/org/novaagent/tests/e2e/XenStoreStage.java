/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.novaagent.host.HostSimulator;
import org.novaagent.host.demo.Distro;
import org.novaagent.host.demo.DistroRootBuilder;
import org.novaagent.tests.xenstore.Oxenstored;
import org.novaagent.xenstore.TransactionalXenStoreClient;
import org.novaagent.xenstore.XenStoreConnector;

/**
 * The set-up the end-to-end classes share: the real oxenstored in {@code <dir>/oxs}, a host-side
 * client with the host simulator on it, and at most one {@link RunningAgent} (in {@code <dir>/agent});
 * {@link #close()} stops the agent, closes the client and always stops the daemon.
 */
final class XenStoreStage implements AutoCloseable {

    private final Path dir;
    private final Duration simTimeout;
    private Oxenstored daemon;
    private TransactionalXenStoreClient host;
    private HostSimulator sim;
    private RunningAgent agent;

    private XenStoreStage(Path dir, Duration simTimeout) {
        this.dir = dir;
        this.simTimeout = simTimeout;
    }

    /**
     * Starts oxenstored and connects the host side; a failure part-way stops what was started.
     *
     * @param dir        the class's scratch directory
     * @param simTimeout the host simulator's default reply timeout
     * @return the stage, without an agent yet
     */
    static XenStoreStage start(Path dir, Duration simTimeout) throws Exception {
        XenStoreStage stage = new XenStoreStage(dir, simTimeout);
        try {
            stage.daemon = Oxenstored.start(dir.resolve("oxs"));
            stage.connectHost();
            return stage;
        } catch (Exception | Error e) {
            stage.close();
            throw e;
        }
    }

    /** (Re)opens the host-side client and a new simulator on it, closing the old client. */
    void connectHost() throws Exception {
        if (host != null) {
            host.close();
        }
        host = XenStoreConnector.openSocket(daemon.socketPath());
        sim = new HostSimulator(host);
        sim.setDefaultTimeout(simTimeout);
    }

    /** @return a Debian scratch root in {@code <dir>/root} */
    Path debianRoot() throws IOException {
        return DistroRootBuilder.build(dir.resolve("root"), Distro.DEBIAN);
    }

    /** Starts {@code agent run} (in {@code <dir>/agent}) against this daemon and {@code root}. */
    RunningAgent startAgent(Path root) throws IOException, InterruptedException {
        return startAgent(root, Map.of());
    }

    /** As {@link #startAgent(Path)}, with extra environment variables for the agent's JVM. */
    RunningAgent startAgent(Path root, Map<String, String> env) throws IOException, InterruptedException {
        agent = RunningAgent.start(dir.resolve("agent"), daemon.socketPath(), root, env);
        return agent;
    }

    /** @return the daemon */
    Oxenstored daemon() {
        return daemon;
    }

    /** @return the host-side client */
    TransactionalXenStoreClient host() {
        return host;
    }

    /** @return the host simulator over {@link #host()} */
    HostSimulator sim() {
        return sim;
    }

    /** @return the guest's home, e.g. {@code /local/domain/0} */
    String domain() {
        return sim.domainPath();
    }

    /** @return the agent started last, or null */
    RunningAgent agent() {
        return agent;
    }

    /** Stops the agent, closes the host client and, whatever happens, stops the daemon. */
    @Override
    public void close() {
        try {
            if (agent != null) {
                agent.close();
            }
            if (host != null) {
                host.close();
            }
        } finally {
            if (daemon != null) {
                daemon.stop();
            }
        }
    }
}
