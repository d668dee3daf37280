/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import java.time.Duration;

/**
 * Exponential delay between reconnection attempts: starts at a minimum, doubles after each
 * failure up to a maximum, and starts again after a success.
 */
final class Backoff {

    private final Duration min;
    private final Duration max;
    private Duration next;

    Backoff(Duration min, Duration max) {
        this.min = min;
        this.max = max;
        this.next = min;
    }

    /** @return the delay to wait now; the following one is twice as long (up to the maximum) */
    Duration nextDelay() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }

    /** Starts again from the minimum (after a successful connection). */
    void reset() {
        next = min;
    }
}
