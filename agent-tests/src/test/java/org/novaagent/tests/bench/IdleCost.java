/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.bench;

/**
 * What a process cost while idle over a measured window: the numbers of one row of the idle
 * table, whichever way they were taken (a {@code /proc} window or the rusage of a whole run).
 *
 * @param label    what was measured
 * @param seconds  the length of the window in seconds
 * @param cpuMs    CPU time (user + system) in milliseconds
 * @param switches voluntary context switches (all threads; children where noted)
 * @param rssKiB   resident memory in KiB
 * @param threads  thread count (0 = not known)
 * @param note     how it was measured
 */
public record IdleCost(String label, double seconds, double cpuMs, long switches, long rssKiB, int threads,
                       String note) {

    /** The cost between two {@code /proc} readings of one process {@code seconds} apart. */
    public static IdleCost between(String label, ProcSample before, ProcSample after, double seconds,
                                   long ticksPerSecond, String note) {
        long ticks = (after.ownTicks() - before.ownTicks()) + (after.childTicks() - before.childTicks());
        long ended = after.threadsEndedSince(before);
        String why = ended == 0 ? note : note + "; " + ended + " thread(s) ended in the window (their switches not counted)";
        String busiest = after.busiestThreadsSince(before, 4);
        why = busiest.isEmpty() ? why : why + "; most switches: " + busiest;
        return new IdleCost(label, seconds, ticks * 1000.0 / ticksPerSecond, after.switchesSince(before),
                after.rssKiB(), after.threads(), why);
    }

    /** @return voluntary context switches per second: how often the process woke up */
    public double wakeupsPerSecond() {
        return switches / seconds;
    }

    /** @return CPU time as a share of one CPU, in percent */
    public double cpuPercent() {
        return cpuMs / (seconds * 10.0);
    }
}
