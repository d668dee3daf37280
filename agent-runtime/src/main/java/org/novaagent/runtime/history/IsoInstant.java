/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.history;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * {@link Instant#toString()} without {@code java.time.format}: the history line written after every
 * request would otherwise build {@code DateTimeFormatter.ISO_INSTANT} (about 45 classes) on the way
 * to the first reply (issue #14). The same text: {@code 2026-12-02T15:04:05Z}, seconds always
 * shown, the fraction in groups of three digits as needed; years outside 0–9999 are left to the JDK.
 */
final class IsoInstant {

    /** 0000-01-01T00:00:00Z in epoch seconds. */
    private static final long YEAR_0 = -62_167_219_200L;
    /** +10000-01-01T00:00:00Z in epoch seconds. */
    private static final long YEAR_10000 = 253_402_300_800L;

    private IsoInstant() {
    }

    /**
     * @param t an instant
     * @return the same text as {@code t.toString()}
     */
    static String format(Instant t) {
        if (t.getEpochSecond() < YEAR_0 || t.getEpochSecond() >= YEAR_10000) {
            return t.toString();
        }
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(30).append(d); // uuuu-MM-ddTHH:mm, then :ss unless zero
        if (d.getSecond() == 0) {
            sb.append(":00");
        }
        int nano = t.getNano();
        if (nano > 0) {
            sb.append('.');
            int div = 100_000_000;
            for (int i = 0; nano > 0 || i % 3 != 0; i++) { // as ISO_INSTANT: digits in groups of three
                int digit = nano / div;
                sb.append((char) ('0' + digit));
                nano -= digit * div;
                div /= 10;
            }
        }
        return sb.append('Z').toString();
    }
}
