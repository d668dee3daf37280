/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.novaagent.tests.support.AgentProcess;

/**
 * The real {@code agent run} in a child JVM against a XenStore socket and a scratch root, for the
 * end-to-end tests: started with an empty plugins directory and an empty configuration file, so
 * only the project's modules answer, and stopped (SIGTERM, then SIGKILL) by {@link #close()}.
 */
final class RunningAgent implements AutoCloseable {

    /** What {@code agent run} logs once the watch is armed and the pending requests are answered. */
    static final String READY_LINE = "watching data/host";

    private static final long START_TIMEOUT_MS = 60_000;

    private final Path logDir;
    private final Process process;

    private RunningAgent(Path logDir, Process process) {
        this.logDir = logDir;
        this.process = process;
    }

    /**
     * The arguments of {@code agent run} for a socket and a root (plugins dir and config made in {@code dir}).
     *
     * @param dir    scratch directory for the plugins dir and the configuration file
     * @param socket the XenStore daemon socket
     * @param root   the target root
     * @param extra  further arguments (e.g. {@code --once})
     * @return the full argument list, starting with {@code run}
     */
    static String[] runArgs(Path dir, Path socket, Path root, String... extra) throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.setPosixFilePermissions(plugins, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = dir.resolve("agent.conf");
        if (!Files.exists(config)) {
            Files.writeString(config, "# end-to-end test: defaults\n");
        }
        List<String> args = new ArrayList<>(List.of("run", "--xenstore", socket.toString(), "--root", root.toString(),
                "--allow-insecure-plugins-dir", "--plugins-dir", plugins.toString(), "--config", config.toString(),
                "--log-level", "debug"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /**
     * Starts {@code agent run} and waits until it logs {@link #READY_LINE}.
     *
     * @param dir    scratch directory (logs, plugins dir, config)
     * @param socket the XenStore daemon socket
     * @param root   the target root
     * @return the running agent
     * @throws IOException when it cannot start or does not become ready in time (with its log)
     */
    static RunningAgent start(Path dir, Path socket, Path root) throws IOException, InterruptedException {
        return start(dir, socket, root, Map.of());
    }

    /** As {@link #start(Path, Path, Path)}, with extra environment variables (e.g. {@code JDK_JAVA_OPTIONS}). */
    static RunningAgent start(Path dir, Path socket, Path root, Map<String, String> env)
            throws IOException, InterruptedException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Process p = AgentProcess.start(logs, env, runArgs(dir, socket, root));
        RunningAgent agent = new RunningAgent(logs, p);
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("agent run exited with " + p.exitValue() + "\n" + agent.stderr());
            }
            if (agent.stderr().contains(READY_LINE)) {
                return agent;
            }
            Thread.sleep(50);
        }
        agent.close();
        throw new IOException("agent run not ready within " + START_TIMEOUT_MS + " ms\n" + agent.stderr());
    }

    /** @return the process */
    Process process() {
        return process;
    }

    /** @return everything the agent logged so far (its stderr), for assertion messages */
    String stderr() {
        try {
            Path err = logDir.resolve("agent.err");
            return Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8) : "<no agent.err>";
        } catch (IOException e) {
            return "<cannot read agent.err: " + e.getMessage() + ">";
        }
    }

    /**
     * Waits until the agent has logged {@code text} at least {@code times} times.
     *
     * @return true when it did within {@code timeoutMs}
     */
    boolean awaitLog(String text, int times, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        do {
            if (count(stderr(), text) >= times) {
                return true;
            }
            Thread.sleep(50);
        } while (System.currentTimeMillis() < deadline);
        return false;
    }

    /** @return how often {@code needle} occurs in {@code haystack} */
    static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    /** Stops the agent: SIGTERM, SIGKILL after 10 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
