/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.novaagent.xenstore.WatchEvent;
import org.novaagent.xenstore.XenStoreException;

/**
 * A stop request for the loop thread that wakes it only while it is idle (waiting for a watch
 * event or a reconnection delay), never while a request is being processed, so the request in
 * progress always finishes and its reply is written.
 */
final class StopSignal {

    /** A blocking wait for a watch event. */
    @FunctionalInterface
    interface EventWait {
        Optional<WatchEvent> await() throws XenStoreException, InterruptedException;
    }

    private final Object lock = new Object();
    private volatile boolean requested;
    private Thread loopThread;
    private boolean idle;

    /** Records the thread that runs the loop. */
    void bind(Thread thread) {
        synchronized (lock) {
            loopThread = thread;
        }
    }

    /** Requests the stop; interrupts the loop thread if it is idle. */
    void request() {
        synchronized (lock) {
            requested = true;
            if (idle && loopThread != null) {
                loopThread.interrupt();
            }
        }
    }

    /** @return true once a stop was requested */
    boolean requested() {
        return requested;
    }

    /** Waits for an event, returning empty when a stop request interrupts the wait. */
    Optional<WatchEvent> interruptibly(EventWait wait) throws XenStoreException, InterruptedException {
        if (!enterIdle()) {
            return Optional.empty();
        }
        try {
            return wait.await();
        } catch (InterruptedException e) {
            if (requested) {
                return Optional.empty();
            }
            throw e;
        } finally {
            leaveIdle();
        }
    }

    /** Sleeps, returning early when a stop is requested. */
    void pause(Duration delay) throws InterruptedException {
        if (!enterIdle()) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(delay.toNanos());
        } catch (InterruptedException e) {
            if (!requested) {
                throw e;
            }
        } finally {
            leaveIdle();
        }
    }

    private boolean enterIdle() {
        synchronized (lock) {
            if (requested) {
                return false;
            }
            idle = true;
            return true;
        }
    }

    private void leaveIdle() {
        synchronized (lock) {
            idle = false;
            if (requested) {
                Thread.interrupted(); // a stop interrupt that landed after the wait ended
            }
        }
    }
}
