/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.novaagent.api.CommandResult;
import org.novaagent.runtime.route.ReturnCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one handler call at a time on a worker thread with a timeout, so a slow or stuck handler
 * cannot stall the loop. A timed-out call is interrupted; when it ignores the interrupt, its
 * thread is abandoned (it is a daemon thread) and later calls get a fresh worker.
 */
final class CommandExecutor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommandExecutor.class);

    private final Duration abandonAfter;
    private final AtomicInteger threadCount = new AtomicInteger();
    private ExecutorService worker;
    /** The call in progress; written by the loop thread, read by the shutdown hook. */
    private volatile Future<CommandResult> running;

    /**
     * @param abandonAfter how long an interrupted call may take to stop before its thread is
     *                     abandoned
     */
    CommandExecutor(Duration abandonAfter) {
        this.abandonAfter = abandonAfter;
        this.worker = newWorker();
    }

    /**
     * @param command the command name, for messages
     * @param timeout how long the call may run
     * @param call    the handler call (through the router, which maps handler failures)
     * @return the call's result, or the command's failure code ({@code ReturnCodes.timedOut},
     *         {@code ReturnCodes.handlerFailed}); never {@code null}
     * @throws InterruptedException when the calling thread is interrupted
     */
    synchronized CommandResult run(String command, Duration timeout, Callable<CommandResult> call)
            throws InterruptedException {
        CountDownLatch finished = new CountDownLatch(1);
        Future<CommandResult> future = worker.submit(() -> {
            try {
                return call.call();
            } finally {
                finished.countDown();
            }
        });
        running = future;
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (CancellationException e) {
            // interruptRunning(): the agent is stopping and its grace period is over
            finished.await(abandonAfter.toNanos(), TimeUnit.NANOSECONDS);
            LOG.warn("command '{}' interrupted: the agent is stopping", command);
            return ReturnCodes.stopping(command);
        } catch (TimeoutException e) {
            future.cancel(true);
            if (!finished.await(abandonAfter.toNanos(), TimeUnit.NANOSECONDS)) {
                LOG.warn("command '{}' ignores interruption; abandoning its worker thread", command);
                worker.shutdownNow();
                worker = newWorker();
            }
            LOG.warn("command '{}' timed out after {}", command, seconds(timeout));
            return ReturnCodes.timedOut(command, seconds(timeout));
        } catch (ExecutionException e) {
            LOG.error("command '{}' failed", command, e.getCause());
            return ReturnCodes.handlerFailed(command);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } finally {
            running = null;
        }
    }

    /**
     * Interrupts the call in progress, if any, as a timeout would (its tools are killed, a
     * network change is rolled back); {@link #run} then answers it as stopped. Called by the
     * shutdown hook, from another thread, when the stop grace is over.
     */
    void interruptRunning() {
        Future<CommandResult> f = running;
        if (f != null) {
            f.cancel(true);
        }
    }

    /** Formats a timeout as {@code 30s} or {@code 0.25s}. */
    static String seconds(Duration d) {
        if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + "s";
        }
        return (d.toMillis() / 1000.0) + "s";
    }

    private ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "nova-agent-worker-" + threadCount.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public synchronized void close() {
        worker.shutdownNow();
    }
}
