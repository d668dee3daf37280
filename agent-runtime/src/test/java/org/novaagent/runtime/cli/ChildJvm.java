/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the real {@code agent} in a child JVM on the module path, the way it is deployed. The
 * module path is the test class path minus the test framework and the test kit: the runtime's own
 * {@code target/classes} (an exploded module, its jar does not exist yet) and its dependency jars.
 */
final class ChildJvm {

    /** What the child printed and how it ended. */
    record Outcome(int exitCode, String stdout, String stderr) {
    }

    private ChildJvm() {
    }

    static String modulePath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.endsWith(File.separator + "classes") && !e.endsWith("test-classes")
                        || e.endsWith(".jar") && !e.matches(".*(junit|opentest4j|apiguardian|surefire).*"))
                .filter(e -> !e.contains("agent-testkit")) // a test library: it needs JUnit, never on the agent's path
                .collect(Collectors.joining(File.pathSeparator));
    }

    static Outcome agent(Path work, String... args) throws IOException, InterruptedException {
        return agent(java.util.Map.of(), work, args);
    }

    /** @param env variables to set in the child's environment (on top of this one's, less JOURNAL_STREAM) */
    static Outcome agent(java.util.Map<String, String> env, Path work, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath(), "--add-modules", "ALL-MODULE-PATH",
                "-m", "org.novaagent.runtime/org.novaagent.runtime.cli.Main"));
        cmd.addAll(List.of(args));
        Path out = work.resolve("child.out");
        Path err = work.resolve("child.err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("JOURNAL_STREAM");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("agent did not finish in 60 s: " + cmd);
        }
        return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
