/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.novaagent.api.ProcessResult;
import org.novaagent.api.ProcessRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands on the live system (target root {@code /} only). Output is drained on two
 * threads so a chatty child cannot block; stdin is written and closed; on timeout or
 * interruption the whole process tree is killed. Logs the command line, never stdin.
 */
public final class SystemProcessRunner implements ProcessRunner {

    /** Exit code reported when the command was killed after its timeout (as coreutils timeout). */
    public static final int TIMED_OUT = 124;

    private static final Logger LOG = LoggerFactory.getLogger(SystemProcessRunner.class);

    @Override
    public ProcessResult run(List<String> command, byte[] stdin, Duration timeout)
            throws IOException, InterruptedException {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        LOG.debug("running: {}", String.join(" ", command));
        Process process = new ProcessBuilder(command).start();
        Drain out = new Drain(process.getInputStream(), "stdout");
        Drain err = new Drain(process.getErrorStream(), "stderr");
        out.start();
        err.start();
        try {
            writeStdin(process, stdin);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} did not finish within {} s; killing it", command.get(0), timeout.toSeconds());
                killTree(process);
                out.join(1000);
                err.join(1000);
                return new ProcessResult(TIMED_OUT, out.text(),
                        err.text() + "killed after timeout of " + timeout.toSeconds() + " s", true);
            }
            out.join();
            err.join();
            int code = process.exitValue();
            LOG.debug("{} exited with {}", command.get(0), code);
            return new ProcessResult(code, out.text(), err.text(), true);
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
    }

    private static void writeStdin(Process process, byte[] stdin) {
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            // the child closed its stdin early (it did not want input): not an error by itself
            LOG.debug("stdin not fully consumed: {}", e.getMessage());
        }
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Reads one stream to the end on its own thread. */
    private static final class Drain extends Thread {
        private final InputStream stream;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        Drain(InputStream stream, String name) {
            super("process-" + name);
            this.stream = stream;
            setDaemon(true);
        }

        @Override
        public void run() {
            try (InputStream s = stream) {
                s.transferTo(buffer);
            } catch (IOException e) {
                // stream closed when the process was killed; keep what was read
            }
        }

        String text() {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }
}
