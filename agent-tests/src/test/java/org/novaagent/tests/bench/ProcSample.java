/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One reading of a process's cost from {@code /proc}: CPU ticks (own and of reaped children),
 * voluntary context switches summed over all its threads, and resident memory. Two readings
 * give the cost of the time in between.
 *
 * @param ownTicks          utime + stime (fields 14, 15 of {@code /proc/<pid>/stat})
 * @param childTicks        cutime + cstime (fields 16, 17): children the process has waited for
 * @param voluntarySwitches sum of {@code voluntary_ctxt_switches} over {@code /proc/<pid>/task/*}
 * @param rssKiB            {@code VmRSS} of {@code /proc/<pid>/status}
 * @param threads           number of threads
 */
public record ProcSample(long ownTicks, long childTicks, long voluntarySwitches, long rssKiB, int threads) {

    /** Reads the process {@code pid} now. */
    public static ProcSample of(long pid) throws IOException {
        Path proc = Path.of("/proc", Long.toString(pid));
        String stat = Files.readString(proc.resolve("stat"), StandardCharsets.US_ASCII);
        // the command name (field 2) may hold spaces: fields after it start after the last ')'
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // f[0] is field 3 (state), so field k is f[k - 3]
        long own = Long.parseLong(f[14 - 3]) + Long.parseLong(f[15 - 3]);
        long children = Long.parseLong(f[16 - 3]) + Long.parseLong(f[17 - 3]);
        long switches = 0;
        int threads = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve("task"))) {
            for (Path task : tasks) {
                try {
                    switches += field(task.resolve("status"), "voluntary_ctxt_switches:");
                    threads++;
                } catch (IOException e) {
                    // the thread ended between listing and reading: its switches are gone with it
                }
            }
        }
        return new ProcSample(own, children, switches, field(proc.resolve("status"), "VmRSS:"), threads);
    }

    /** @return {@code getconf CLK_TCK}: the unit of the tick fields */
    public static long clockTicksPerSecond() throws IOException {
        Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        try {
            if (p.waitFor() != 0) {
                throw new IOException("getconf CLK_TCK failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running getconf", e);
        }
        return Long.parseLong(out);
    }

    private static long field(Path status, String name) throws IOException {
        for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IOException(name + " missing in " + status);
    }
}
