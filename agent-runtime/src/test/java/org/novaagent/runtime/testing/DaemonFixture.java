/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.novaagent.runtime.loop.AgentDaemon;
import org.novaagent.runtime.loop.DaemonSettings;
import org.novaagent.runtime.loop.XenStoreFactory;

/**
 * The set-up every daemon loop test shares: the {@link TestHandlers}, a recording notifier, a
 * mutable clock, one daemon run on a background thread, and the stop/await/shutdown on close.
 */
public final class DaemonFixture implements AutoCloseable {

    /** What the {@code version} test handler answers, as the reply JSON. */
    public static final String VERSION_REPLY =
            "{\"returncode\":\"0\",\"message\":\"" + TestHandlers.VERSION + "\"}";

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(20);

    private final Path root;
    private final TestHandlers handlers = new TestHandlers();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final MutableClock clock = new MutableClock();
    private final ExecutorService runner = Executors.newSingleThreadExecutor();
    private AgentDaemon daemon;

    /** @param root the scratch root of the handlers' contexts (a {@code @TempDir}) */
    public DaemonFixture(Path root) {
        this.root = root;
    }

    /** @return a new daemon (remembered for {@link #close}) over the test handlers */
    public AgentDaemon daemon(DaemonSettings settings, XenStoreFactory connections) {
        daemon = new AgentDaemon(settings, connections, TestRouters.of(handlers.all(), root), notifier, clock);
        return daemon;
    }

    /** Runs a new daemon in the background and waits until it is ready. */
    public Future<Integer> start(DaemonSettings settings, XenStoreFactory connections, Duration ready)
            throws InterruptedException {
        AgentDaemon d = daemon(settings, connections);
        Future<Integer> exit = runner.submit(d::run);
        assertTrue(d.awaitReady(ready), "daemon not ready");
        return exit;
    }

    /** {@link #start(DaemonSettings, XenStoreFactory, Duration)} with 10 s to get ready. */
    public Future<Integer> start(DaemonSettings settings, XenStoreFactory connections) throws InterruptedException {
        return start(settings, connections, Duration.ofSeconds(10));
    }

    /** @return the daemon made last */
    public AgentDaemon daemon() {
        return daemon;
    }

    /** @return the handlers behind the daemon's router */
    public TestHandlers handlers() {
        return handlers;
    }

    /** @return the notifier the daemon reports to */
    public RecordingNotifier notifier() {
        return notifier;
    }

    /** @return the daemon's clock */
    public MutableClock clock() {
        return clock;
    }

    /** Waits up to 20 s for the condition. */
    public static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        waitFor(what, DEFAULT_WAIT, condition);
    }

    /** Polls the condition until it holds; fails with {@code "timed out waiting for <what>"}. */
    public static void waitFor(String what, Duration timeout, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    /** Releases stuck handlers, stops the daemon, waits up to 10 s for it and ends the runner thread. */
    @Override
    public void close() throws InterruptedException {
        handlers.releaseStuck();
        if (daemon != null) {
            daemon.requestStop();
            daemon.awaitTermination(Duration.ofSeconds(10));
        }
        runner.shutdownNow();
    }
}
