/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.novaagent.api.ProcessResult;
import org.novaagent.api.ProcessRunner;

/**
 * A real, ProcessBuilder-based {@link ProcessRunner} for tests (the runtime's own runner lives
 * in a module this plugin must not depend on). Records every command line it ran.
 */
final class TestProcessRunner implements ProcessRunner {

    final List<List<String>> commands = new ArrayList<>();
    private final Map<String, String> environment;

    TestProcessRunner() {
        this(Map.of());
    }

    TestProcessRunner(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public ProcessResult run(List<String> command, byte[] stdin, Duration timeout)
            throws IOException, InterruptedException {
        commands.add(List.copyOf(command));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder.start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            // the process may exit without reading its input
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException("timed out: " + command.get(0));
        }
        try {
            return new ProcessResult(process.exitValue(), utf8(out.get()), utf8(err.get()), true);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    /** Runs a command and returns stdout as raw bytes (for binary output). */
    byte[] runBytes(List<String> command, byte[] stdin) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        }
        int rc = process.waitFor();
        try {
            byte[] bytes = out.get();
            if (rc != 0) {
                throw new IOException(command.get(0) + " exited with " + rc);
            }
            return bytes;
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
