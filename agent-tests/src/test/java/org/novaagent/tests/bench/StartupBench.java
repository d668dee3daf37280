/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
     * @param output   what {@code agent version} printed
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

    /**
     * Measures {@code java <flags> ... Main version} for each flag set, alternating run by run so
     * that every set sees the same machine load.
     *
     * @return one result per flag set, in order
     */
    public List<Result> measure(List<List<String>> flagSets) throws IOException, InterruptedException {
        List<List<String>> cmds = flagSets.stream().map(f -> BenchAgent.command(f, List.of("version"))).toList();
        Path out = work.resolve("version.out");
        Path err = work.resolve("version.err");
        String printed = "";
        for (int i = 0; i < warmups; i++) {
            for (List<String> cmd : cmds) {
                once(cmd, out, err);
                printed = Files.readString(out, StandardCharsets.UTF_8).strip();
            }
        }
        double[][] ms = new double[cmds.size()][runs];
        for (int i = 0; i < runs; i++) {
            for (int c = 0; c < cmds.size(); c++) {
                ms[c][i] = once(cmds.get(c), out, err) / 1e6;
            }
        }
        List<Result> results = new ArrayList<>();
        for (double[] m : ms) {
            Arrays.sort(m);
            double median = runs % 2 == 1 ? m[runs / 2] : (m[runs / 2 - 1] + m[runs / 2]) / 2;
            results.add(new Result(median, m[0], m[runs - 1], printed));
        }
        return results;
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
