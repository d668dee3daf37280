/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.novaagent.tests.support.AgentProcess;

/**
 * Starts the real agent CLI in a child JVM for the benchmark: either exactly as
 * {@link AgentProcess} does (its flags), or with an explicit set of JVM flags (none = the JVM
 * defaults; {@link #LEAN_FLAGS} = the packaged launcher's).
 */
public final class BenchAgent {

    /** The JVM flags of the packaged launcher ({@code dist/linux-root/usr/sbin/nova-agent}). */
    public static final List<String> LEAN_FLAGS = List.of("-Xms2m", "-Xmx32m", "-Xss256k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:-UsePerfData", "-XX:ReservedCodeCacheSize=16m",
            "-XX:MaxMetaspaceSize=48m", "-Xshare:auto", "-XX:+IgnoreUnrecognizedVMOptions",
            "-XX:+UnlockDiagnosticVMOptions", "-XX:GuaranteedSafepointInterval=0", "-XX:AsyncDeflationInterval=60000",
            "-XX:GuaranteedAsyncDeflationInterval=60000", "-XX:TrimNativeHeapInterval=20000",
            "-XX:-UseDynamicNumberOfCompilerThreads");

    /**
     * An experiment, not the launcher's: the lean flags plus two diagnostic flags that stop the
     * JVM's periodic housekeeping wake-ups (monitor deflation every 250 ms, guaranteed safepoint every 1 s).
     */
    public static final List<String> QUIET_FLAGS = java.util.stream.Stream.concat(LEAN_FLAGS.stream(),
            java.util.stream.Stream.of("-XX:+UnlockDiagnosticVMOptions", "-XX:AsyncDeflationInterval=0",
                    "-XX:GuaranteedSafepointInterval=0")).toList();

    private static final String MAIN = "org.novaagent.runtime/org.novaagent.runtime.cli.Main";

    private BenchAgent() {
    }

    /**
     * @param jvmFlags JVM flags (empty = defaults)
     * @param args     the agent's arguments
     * @return the command line of {@code java <jvmFlags> -m ...Main <args>} on the test module path
     */
    public static List<String> command(List<String> jvmFlags, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("--module-path", AgentProcess.modulePath(), "--add-modules", "ALL-MODULE-PATH", "-m", MAIN));
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Starts {@code agent run --xenstore <socket> --root <root>}; output goes to files in {@code logDir}.
     *
     * @param jvmFlags null = exactly as {@link AgentProcess#start} does; else these flags
     */
    public static Process startRun(List<String> jvmFlags, Path socket, Path root, Path logDir) throws IOException {
        Files.createDirectories(root);
        String[] args = {"run", "--xenstore", socket.toString(), "--root", root.toString()};
        if (jvmFlags == null) {
            return AgentProcess.start(logDir, java.util.Map.of(), args);
        }
        Files.createDirectories(logDir);
        return new ProcessBuilder(command(jvmFlags, List.of(args)))
                .redirectOutput(logDir.resolve("agent.out").toFile())
                .redirectError(logDir.resolve("agent.err").toFile())
                .start();
    }

    /** Stops a child with SIGTERM (the agent finishes its request and exits), SIGKILL after 10 s. */
    public static void stop(Process p) {
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
