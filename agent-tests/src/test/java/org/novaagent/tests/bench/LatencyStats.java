/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.bench;

import java.util.Arrays;

/**
 * Percentiles of a set of measured durations (nearest-rank method), so every latency line of the
 * benchmark report is computed the same way.
 */
public final class LatencyStats {

    private final long[] sortedNanos;

    /** @param nanos the measured durations in nanoseconds (copied, then sorted) */
    public LatencyStats(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        this.sortedNanos = nanos.clone();
        Arrays.sort(sortedNanos);
    }

    /** @return the number of samples */
    public int count() {
        return sortedNanos.length;
    }

    /**
     * @param q the quantile in (0, 1], e.g. 0.99
     * @return the nearest-rank percentile in nanoseconds
     */
    public long quantileNanos(double q) {
        int rank = (int) Math.ceil(q * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))];
    }

    /** @return the median in milliseconds */
    public double p50() {
        return millis(quantileNanos(0.50));
    }

    /** @return the 90th percentile in milliseconds */
    public double p90() {
        return millis(quantileNanos(0.90));
    }

    /** @return the 99th percentile in milliseconds */
    public double p99() {
        return millis(quantileNanos(0.99));
    }

    /** @return the largest sample in milliseconds */
    public double max() {
        return millis(sortedNanos[sortedNanos.length - 1]);
    }

    /** @return the arithmetic mean in milliseconds */
    public double mean() {
        double sum = 0;
        for (long n : sortedNanos) {
            sum += n;
        }
        return millis((long) (sum / sortedNanos.length));
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
