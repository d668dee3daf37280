/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.novaagent.runtime.notify.ServiceNotifier;
import org.novaagent.runtime.protocol.RequestCodec;
import org.novaagent.runtime.route.CommandRouter;
import org.novaagent.xenstore.WatchEvent;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message loop ({@code agent run}): connects to XenStore, watches {@code data/host}, answers
 * each request once in arrival order (as watch events name them; see {@link RequestScheduler}), re-scans periodically, sweeps stale replies, reconnects
 * with backoff when XenStore goes away and stops cleanly on request (SIGTERM through
 * {@link #installShutdownHook()}). One thread, the caller of {@link #run()}, does all XenStore work.
 */
public final class AgentDaemon {

    /** The token of the watch on {@code data/host}. */
    public static final String WATCH_TOKEN = "nova-agent";
    /** {@link #run()} result: stopped on request, or {@code --once} done. */
    public static final int EXIT_OK = 0;
    /** {@link #run()} result: {@code --once} could not reach XenStore. */
    public static final int EXIT_UNREACHABLE = 1;

    private static final Logger LOG = LoggerFactory.getLogger(AgentDaemon.class);
    private static final int ONCE_ATTEMPTS = 3;

    private final DaemonSettings settings;
    private final XenStoreFactory connections;
    private final RequestProcessor processor;
    private final RequestScheduler requests;
    private final StaleReplySweeper sweeper;
    private final ServiceNotifier notifier;
    private final Clock clock;
    private final StopSignal stop = new StopSignal();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stoppingSent = new AtomicBoolean();
    /** READY=1 sent: only the loop thread reads and writes it. */
    private boolean readySent;
    private long startNanos;

    /**
     * @param settings    the loop's settings
     * @param connections opens XenStore connections (at start and after each loss)
     * @param router      routes requests to handlers
     * @param notifier    the service manager ({@link ServiceNotifier#NONE} when not under systemd)
     * @param clock       the clock for the stale-reply grace period
     */
    public AgentDaemon(DaemonSettings settings, XenStoreFactory connections, CommandRouter router,
                       ServiceNotifier notifier, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.processor = new RequestProcessor(new RequestCodec(), Objects.requireNonNull(router, "router"), settings);
        this.requests = new RequestScheduler(processor, stop);
        this.sweeper = new StaleReplySweeper(settings.staleReplyGrace());
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records every answered request in {@code history} (for {@code agent status}); call before {@link #run()}.
     *
     * @param history the request history of the target root
     * @return this daemon
     */
    public AgentDaemon recordTo(org.novaagent.runtime.history.RequestHistory history) {
        processor.recordTo(history);
        return this;
    }

    /**
     * The production wiring: XenStore found through {@link DaemonSettings#xenStorePath()} or the
     * stock search order, systemd notification through {@code NOTIFY_SOCKET} when set, the
     * system clock.
     *
     * @param settings the loop's settings
     * @param router   routes requests to handlers
     * @return the daemon, not yet running
     */
    public static AgentDaemon create(DaemonSettings settings, CommandRouter router) {
        return create(settings, XenStoreFactory.searching(settings.xenStorePath()), router);
    }

    /**
     * The production wiring for a target whose host facts are known: on Windows XenStore is reached
     * through the Windows transports ({@link XenStoreFactory#forHost}).
     *
     * @param settings the loop's settings
     * @param facts    the target's host facts
     * @param router   routes requests to handlers
     * @return the daemon, not yet running
     */
    public static AgentDaemon create(DaemonSettings settings, org.novaagent.api.HostFacts facts, CommandRouter router) {
        return create(settings, XenStoreFactory.forHost(facts, settings.xenStorePath()), router);
    }

    private static AgentDaemon create(DaemonSettings settings, XenStoreFactory factory, CommandRouter router) {
        return new AgentDaemon(settings, factory, router, ServiceNotifier.fromEnvironment(System.getenv()), Clock.systemUTC());
    }

    /**
     * Runs the loop on the calling thread until {@link #requestStop()} (or, with {@code once},
     * until the pending requests are answered). May be called once per instance.
     *
     * @return {@link #EXIT_OK}, or {@link #EXIT_UNREACHABLE} when {@code once} could not reach
     *         XenStore
     * @throws InterruptedException when the thread is interrupted other than by a stop request
     */
    public int run() throws InterruptedException {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("an AgentDaemon runs once");
        }
        stop.bind(Thread.currentThread());
        try {
            return loop();
        } finally {
            sendStopping();
            processor.close();
            terminated.countDown();
        }
    }

    /** Asks the loop to stop after the request in progress; returns at once. Thread-safe. */
    public void requestStop() {
        sendStopping();
        stop.request();
    }

    /**
     * @param timeout how long to wait
     * @return true when the watch is armed and the requests pending at start are answered
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * @param timeout how long to wait
     * @return true when {@link #run()} has returned
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Registers a JVM shutdown hook (SIGTERM, SIGINT) that stops the loop, waits up to
     * {@link DaemonSettings#shutdownGrace()} for the request in progress, then interrupts it as a
     * timeout would and waits a few seconds more for its clean-up and reply, then halts the JVM
     * with status 0 (without this the JVM reports 143 after SIGTERM). When {@link #run()} has
     * already returned the hook does nothing and the exit status is the caller's.
     *
     * @return the hook thread (for {@link Runtime#removeShutdownHook})
     */
    public Thread installShutdownHook() {
        Thread hook = new Thread(() -> {
            if (!started.get() || terminated.getCount() == 0) {
                return;
            }
            LOG.info("shutdown requested; finishing the request in progress");
            requestStop();
            try {
                if (!awaitTermination(settings.shutdownGrace())) {
                    // interrupt it as a timeout would (tools killed, a network change rolled back),
                    // let it answer "stopping" if it can, then exit; the journal covers the rest
                    LOG.warn("request still running after {}; interrupting it", settings.shutdownGrace());
                    processor.interruptRunning();
                    if (!awaitTermination(RequestProcessor.INTERRUPT_GRACE.plusSeconds(2))) {
                        LOG.warn("request still running; exiting anyway");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(EXIT_OK);
        }, "nova-agent-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private int loop() throws InterruptedException {
        Backoff backoff = new Backoff(settings.reconnectMin(), settings.reconnectMax());
        startNanos = System.nanoTime();
        int failures = 0;
        while (!stop.requested()) {
            XenStoreClient xs;
            try {
                xs = connections.open();
            } catch (XenStoreException e) {
                failures++;
                if (settings.once() && failures >= ONCE_ATTEMPTS) {
                    LOG.error("cannot reach XenStore: {}", e.getMessage());
                    return EXIT_UNREACHABLE;
                }
                Duration delay = backoff.nextDelay();
                LOG.warn("cannot reach XenStore ({}); retrying in {} ms", e.getMessage(), delay.toMillis());
                reportWaiting(e.getMessage());
                stop.pause(delay);
                continue;
            }
            try {
                session(xs, backoff);
                failures = 0;
                if (settings.once()) {
                    return EXIT_OK;
                }
            } catch (XenStoreException e) {
                failures++;
                if (settings.once() && failures >= ONCE_ATTEMPTS) {
                    LOG.error("XenStore failed: {}", e.getMessage());
                    return EXIT_UNREACHABLE;
                }
                Duration delay = backoff.nextDelay();
                LOG.warn("XenStore connection {} ({}); reconnecting in {} ms",
                        e.isConnectionLost() ? "lost" : "failed", e.getMessage(), delay.toMillis());
                if (readySent) {
                    notifier.status("Reconnecting to XenStore");
                } else {
                    reportWaiting(e.getMessage());
                }
                stop.pause(delay);
            } finally {
                xs.close();
            }
        }
        LOG.info("message loop stopped");
        return EXIT_OK;
    }

    /** One connection's life: arm the watch, answer what is pending, then follow events. */
    private void session(XenStoreClient xs, Backoff backoff) throws XenStoreException, InterruptedException {
        try {
            xs.mkdir(RequestProcessor.HOST_DIR);
        } catch (XenStoreException e) {
            if (e.isConnectionLost()) {
                throw e;
            }
            LOG.warn("cannot create {} ({}); watching it anyway", RequestProcessor.HOST_DIR, e.getMessage());
        }
        requests.begin(xs);
        xs.watch(RequestProcessor.HOST_DIR, WATCH_TOKEN);
        requests.scan(xs);
        sweep(xs);
        backoff.reset();
        String watching = "Watching " + RequestProcessor.HOST_DIR;
        if (readySent) {
            notifier.status(watching);
        } else {
            readySent = true;
            notifier.ready(watching);
        }
        if (ready.getCount() > 0) {
            ready.countDown();
            LOG.info("watching {} on {}", RequestProcessor.HOST_DIR, xs.domainPath());
        }
        if (settings.once()) {
            return;
        }
        long interval = settings.rescanInterval().toNanos();
        long nextRescan = System.nanoTime() + interval;
        while (!stop.requested()) {
            long wait = nextRescan - System.nanoTime();
            Optional<WatchEvent> event = wait > 0 ? awaitEvent(xs, Duration.ofNanos(wait)) : Optional.empty();
            if (stop.requested()) {
                break;
            }
            if (event.isPresent()) {
                requests.offer(event.get());
                requests.collect(xs);
                requests.process(xs);
            }
            if (System.nanoTime() - nextRescan >= 0) {
                requests.scan(xs);
                sweep(xs);
                nextRescan = System.nanoTime() + interval;
            }
        }
    }

    /**
     * Not connected: the status says why the agent is idle. Once {@link DaemonSettings#readyWait()}
     * has passed without XenStore, READY=1 goes out too, so that units ordered after the agent
     * (network-online, cloud-init) are not held up on a boot without XenStore; the agent keeps
     * retrying and answers as soon as XenStore appears.
     */
    private void reportWaiting(String reason) {
        String status = "Idle: no XenStore (" + reason + "); retrying every " + settings.reconnectMax().toSeconds() + " s";
        if (!readySent && !settings.once() && System.nanoTime() - startNanos >= settings.readyWait().toNanos()) {
            readySent = true;
            notifier.ready(status);
            LOG.warn("XenStore not reachable after {} s; reported ready to the service manager, still retrying",
                    settings.readyWait().toSeconds());
        } else {
            notifier.status(status);
        }
    }

    /** Stale replies are housekeeping: only a lost connection interrupts the session. */
    private void sweep(XenStoreClient xs) throws XenStoreException {
        try {
            sweeper.sweep(xs, clock.instant());
        } catch (XenStoreException e) {
            if (e.isConnectionLost()) {
                throw e;
            }
            LOG.warn("cannot remove stale replies: {}", e.getMessage());
        }
    }

    private Optional<WatchEvent> awaitEvent(XenStoreClient xs, Duration timeout)
            throws XenStoreException, InterruptedException {
        return stop.interruptibly(() -> xs.awaitEvent(timeout));
    }

    private void sendStopping() {
        if (stoppingSent.compareAndSet(false, true)) {
            notifier.stopping();
        }
    }
}
