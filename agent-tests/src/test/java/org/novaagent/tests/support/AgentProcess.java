/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the real agent CLI in a child JVM on the module path, exactly as the launcher does, with the
 * project's jars and libraries taken from the test class path.
 */
public final class AgentProcess {

    private static final List<String> MODULE_PATH_GROUPS = List.of(
            "com/fasterxml/jackson/", "info/picocli/", "org/slf4j/", "com/github/jnr/", "org/ow2/asm/");
    /** The project's own modules, as the build declares them ({@link ReactorModules}). */
    private static final Set<String> REACTOR = Set.copyOf(ReactorModules.classPathEntries());

    private AgentProcess() {
    }

    /** The outcome of a finished child JVM. */
    public record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    /**
     * @return the module path: project modules and their libraries from the test class path, without
     *         this module, the test kit (a test library needing JUnit, which is not shipped) and other
     *         modules' test jars (e.g. network-networkd's, which splits its plugin's package)
     */
    public static String modulePath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> MODULE_PATH_GROUPS.stream().anyMatch(p::contains) || REACTOR.contains(p))
                .filter(p -> !p.contains("agent-tests") && !p.contains("agent-testkit"))
                .filter(p -> !p.endsWith("-tests.jar") && !p.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** @return the command line of {@code agent <args>} */
    public static List<String> command(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--module-path", modulePath(), "--add-modules", "ALL-MODULE-PATH",
                "-m", "org.novaagent.runtime/org.novaagent.runtime.cli.Main"));
        cmd.addAll(args);
        return cmd;
    }

    /** Starts {@code agent <args>} with extra environment variables; output goes to files in {@code logDir}. */
    public static Process start(Path logDir, Map<String, String> env, String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(List.of(args)));
        pb.environment().putAll(env);
        Files.createDirectories(logDir);
        pb.redirectOutput(logDir.resolve("agent.out").toFile());
        pb.redirectError(logDir.resolve("agent.err").toFile());
        return pb.start();
    }

    /** Runs {@code agent <args>} to completion (at most 120 s). */
    public static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path logs = Files.createTempDirectory("agent-run");
        try {
            Process p = start(logs, env, args);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("agent " + String.join(" ", args) + " did not finish in 120 s");
            }
            return new Result(p.exitValue(),
                    Files.readString(logs.resolve("agent.out"), StandardCharsets.UTF_8),
                    Files.readString(logs.resolve("agent.err"), StandardCharsets.UTF_8));
        } finally {
            for (String f : List.of("agent.out", "agent.err")) {
                Files.deleteIfExists(logs.resolve(f));
            }
            Files.deleteIfExists(logs);
        }
    }

    /** Runs {@code agent <args>} with no extra environment. */
    public static Result run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }
}
