/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand (for grace periods). */
public final class MutableClock extends Clock {

    private volatile Instant now = Instant.parse("2024-01-01T00:00:00Z");

    /** Moves the clock forward. */
    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
