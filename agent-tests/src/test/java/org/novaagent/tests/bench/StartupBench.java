/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Wall time of {@code agent version} in a fresh child JVM on the module path: from process start
 * to exit, median over several runs after warm-up runs (which fill the OS page cache).
 */
public final class StartupBench {

    private final Path work;
    private final int warmups;
    private final int runs;

    /**
     * The result for one set of JVM flags.
     *
     * @param medianMs median wall time in milliseconds
     * @param minMs    fastest run
     * @param maxMs    slowest run
     * @param output   what {@code agent version} printed (first run)
     */
    public record Result(double medianMs, double minMs, double maxMs, String output) {
    }

    /**
     * @param work    scratch directory for the children's output
     * @param warmups unmeasured runs first
     * @param runs    measured runs
     */
    public StartupBench(Path work, int warmups, int runs) {
        this.work = work;
        this.warmups = warmups;
        this.runs = runs;
    }

    /** Measures {@code java <jvmFlags> ... Main version}. */
    public Result measure(List<String> jvmFlags) throws IOException, InterruptedException {
        List<String> cmd = BenchAgent.command(jvmFlags, List.of("version"));
        Path out = work.resolve("version.out");
        Path err = work.resolve("version.err");
        String printed = null;
        for (int i = 0; i < warmups; i++) {
            once(cmd, out, err);
            if (printed == null) {
                printed = Files.readString(out, StandardCharsets.UTF_8).strip();
            }
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            ms[i] = once(cmd, out, err) / 1e6;
        }
        Arrays.sort(ms);
        double median = runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
        if (printed == null) {
            printed = Files.readString(out, StandardCharsets.UTF_8).strip();
        }
        return new Result(median, ms[0], ms[runs - 1], printed);
    }

    private static long once(List<String> cmd, Path out, Path err) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("agent version did not finish in 60 s");
        }
        long elapsed = System.nanoTime() - t0;
        if (p.exitValue() != 0) {
            throw new IOException("agent version exited " + p.exitValue() + ": "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return elapsed;
    }
}
