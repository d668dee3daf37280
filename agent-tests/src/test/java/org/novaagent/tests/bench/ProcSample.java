/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One reading of a process's cost from {@code /proc}: CPU ticks (own and of reaped children),
 * voluntary context switches summed over all its threads, and resident memory. Two readings
 * give the cost of the time in between.
 *
 * @param ownTicks          utime + stime (fields 14, 15 of {@code /proc/<pid>/stat})
 * @param childTicks        cutime + cstime (fields 16, 17): children the process has waited for
 * @param switchesByThread  {@code voluntary_ctxt_switches} of each {@code /proc/<pid>/task/<tid>}
 * @param threadNames       {@code comm} of each thread (JVM threads carry their Java names, cut to 15 bytes)
 * @param rssKiB            {@code VmRSS} of {@code /proc/<pid>/status}
 */
public record ProcSample(long ownTicks, long childTicks, Map<Long, Long> switchesByThread, Map<Long, String> threadNames,
                         long rssKiB) {

    /** @return the number of threads */
    public int threads() {
        return switchesByThread.size();
    }

    /**
     * Voluntary context switches since {@code before}, per thread: a thread that ended in between
     * takes its count with it (Linux keeps no per-process total in /proc), so those are left out
     * rather than subtracted; see {@link #threadsEndedSince}.
     */
    public long switchesSince(ProcSample before) {
        long sum = 0;
        for (Map.Entry<Long, Long> t : switchesByThread.entrySet()) {
            sum += t.getValue() - before.switchesByThread.getOrDefault(t.getKey(), 0L);
        }
        return sum;
    }

    /**
     * @param limit how many threads to name
     * @return the threads that switched most since {@code before}, e.g. {@code "VM Periodic Tas 601"}
     */
    public String busiestThreadsSince(ProcSample before, int limit) {
        return switchesByThread.entrySet().stream()
                .map(t -> Map.entry(threadNames.getOrDefault(t.getKey(), "?"),
                        t.getValue() - before.switchesByThread.getOrDefault(t.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .limit(limit)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** @return how many threads of {@code before} are gone now */
    public long threadsEndedSince(ProcSample before) {
        return before.switchesByThread.keySet().stream().filter(tid -> !switchesByThread.containsKey(tid)).count();
    }

    /** Reads the process {@code pid} now. */
    public static ProcSample of(long pid) throws IOException {
        Path proc = Path.of("/proc", Long.toString(pid));
        String stat = Files.readString(proc.resolve("stat"), StandardCharsets.US_ASCII);
        // the command name (field 2) may hold spaces: fields after it start after the last ')'
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // f[0] is field 3 (state), so field k is f[k - 3]
        long own = Long.parseLong(f[14 - 3]) + Long.parseLong(f[15 - 3]);
        long children = Long.parseLong(f[16 - 3]) + Long.parseLong(f[17 - 3]);
        Map<Long, Long> switches = new TreeMap<>();
        Map<Long, String> names = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve("task"))) {
            for (Path task : tasks) {
                try {
                    long tid = Long.parseLong(task.getFileName().toString());
                    switches.put(tid, field(task.resolve("status"), "voluntary_ctxt_switches:"));
                    names.put(tid, Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).strip());
                } catch (IOException e) {
                    // the thread ended between listing and reading: its switches are gone with it
                }
            }
        }
        return new ProcSample(own, children, Map.copyOf(switches), Map.copyOf(names), field(proc.resolve("status"), "VmRSS:"));
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
