/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The history's time stamps and messages are what the stream and {@code java.time.format} code made (issue #14). */
class IsoInstantTests {

    @Test
    void sameTextAsInstantToString() {
        List<Instant> edges = List.of(Instant.EPOCH, Instant.ofEpochSecond(0, 1), Instant.ofEpochSecond(60),
                Instant.ofEpochSecond(1_700_000_000L, 120_000_000), Instant.ofEpochSecond(1_700_000_040L, 123_400),
                Instant.ofEpochSecond(1_700_000_001L, 999_999_999), Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("0999-12-31T23:59:59.5Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:00Z"), Instant.MIN, Instant.MAX);
        for (Instant t : edges) {
            assertEquals(t.toString(), IsoInstant.format(t));
        }
        Random random = new Random(14);
        int[] nanos = {0, 1, 1_000, 1_000_000, 10_000_000, 100_000_000};
        for (int n = 0; n < 20_000; n++) {
            long seconds = random.nextLong() % 400_000_000_000L;
            int nano = random.nextBoolean() ? random.nextInt(1_000_000_000) : nanos[random.nextInt(nanos.length)] * random.nextInt(10);
            Instant t = Instant.ofEpochSecond(random.nextInt(5) == 0 ? seconds - seconds % 60 : seconds, nano);
            assertEquals(t.toString(), IsoInstant.format(t));
        }
    }

    @Test
    void messageKeepsItsFirstLineClippedWithoutControlCharacters() {
        List<String> messages = List.of("", " \n ", "3.0.0", "a\r\nb", "\n\nsecond", "tab\there", "x".repeat(300),
                "\uD83D\uDE00".repeat(200), "lone \uD800 surrogate\u0007", "é\u0085next", "  padded  \rrest");
        for (String m : messages) {
            HistoryEntry e = new HistoryEntry(Instant.EPOCH, "id", "version", "0", 1, m);
            assertEquals(formerFirstLine(m), e.message(), m);
        }
    }

    /** What {@link HistoryEntry} did with streams before. */
    private static String formerFirstLine(String message) {
        String line = message.strip().lines().findFirst().orElse("");
        StringBuilder sb = new StringBuilder();
        line.codePoints().limit(HistoryEntry.MAX_MESSAGE).map(c -> Character.isISOControl(c) ? '?' : c)
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
