/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a real tool for a test (a validator such as {@code netplan generate} or {@code ifup --no-act})
 * and returns its exit code and merged standard output and error. Find the tool with
 * {@link RequiredTool#require} first. Standard input is closed; a tool that does not finish in
 * time is killed.
 */
public final class Exec {

    /** How long {@link #run(List)} waits. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * The outcome of a finished tool.
     *
     * @param code   its exit code
     * @param output standard output and standard error, interleaved as written, decoded as UTF-8
     */
    public record Result(int code, String output) {
        /** @return true when the exit code is 0 */
        public boolean succeeded() {
            return code == 0;
        }
    }

    private static final Executor READER = task -> {
        Thread t = new Thread(task, "testkit-exec-output");
        t.setDaemon(true);
        t.start();
    };

    private Exec() {
    }

    /**
     * @param command the program and its arguments
     * @return the outcome, after at most {@link #DEFAULT_TIMEOUT}
     * @throws IOException          when the program cannot be started or times out
     * @throws InterruptedException when the test thread is interrupted (the tool is killed)
     */
    public static Result run(String... command) throws IOException, InterruptedException {
        return run(List.of(command));
    }

    /**
     * @param command the program and its arguments
     * @return the outcome, after at most {@link #DEFAULT_TIMEOUT}
     * @throws IOException          when the program cannot be started or times out
     * @throws InterruptedException when the test thread is interrupted (the tool is killed)
     */
    public static Result run(List<String> command) throws IOException, InterruptedException {
        return run(DEFAULT_TIMEOUT, command);
    }

    /**
     * @param timeout how long to wait before the tool is killed
     * @param command the program and its arguments
     * @return the outcome
     * @throws IOException          when the program cannot be started or times out
     * @throws InterruptedException when the test thread is interrupted (the tool is killed)
     */
    public static Result run(Duration timeout, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()), READER);
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("timed out after " + timeout.toSeconds() + " s: " + command);
            }
            // a child the tool left behind may keep the output open: bounded wait here too
            byte[] output = out.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Result(p.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (ExecutionException e) {
            throw new IOException("cannot read the output of " + command, e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("output still open " + timeout.toSeconds() + " s after exit: " + command, e);
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
