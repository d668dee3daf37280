/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.novaagent.api.ProcessResult;
import org.novaagent.api.ProcessRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands on the live system (target root {@code /} only). Output is drained on two
 * threads so a chatty child cannot block, and at most {@link #OUTPUT_LIMIT} bytes of each stream
 * are kept, the first and the last half (the middle is read and counted, so a child printing
 * gigabytes costs no memory, and its final error line survives); stdin
 * is written and closed; on timeout or interruption the whole process tree is killed, again and
 * again until no descendant is left. The child runs in a session and process group of its own
 * ({@code setsid}, which execs without forking because a child of the JVM never leads a group), so
 * the kill goes to the whole group at once ({@code kill -KILL -- -<pgid>}): the kernel lets no
 * member fork its way out while the group is being signalled, which a walk of the process tree
 * cannot promise.
 * Once the child has exited, its output is awaited for {@link #DRAIN_GRACE} only: a background
 * process it left holding the pipes (a daemon started by {@code ifup}) cannot hang the handler.
 * Logs the command line, never stdin.
 */
public final class SystemProcessRunner implements ProcessRunner {

    /** Exit code reported when the command was killed after its timeout (as coreutils timeout). */
    public static final int TIMED_OUT = 124;

    /** Bytes of stdout and of stderr kept; the rest is dropped and its size noted. */
    public static final int OUTPUT_LIMIT = 256 * 1024;

    /** How long, after the child exited, its output streams may stay open. */
    static final Duration DRAIN_GRACE = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(SystemProcessRunner.class);
    private static final int KILL_ROUNDS = 50;
    private static final Optional<Path> SETSID = firstExecutable("/usr/bin/setsid", "/bin/setsid");
    private static final Optional<Path> KILL = firstExecutable("/bin/kill", "/usr/bin/kill");

    @Override
    public ProcessResult run(List<String> command, byte[] stdin, Duration timeout)
            throws IOException, InterruptedException {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        LOG.debug("running: {}", String.join(" ", command));
        Process process = new ProcessBuilder(inOwnSession(command)).start();
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
            out.join(DRAIN_GRACE.toMillis());
            err.join(DRAIN_GRACE.toMillis());
            if (out.isAlive() || err.isAlive()) {
                LOG.warn("{} exited but a process it started still holds its output open; not waiting for it",
                        command.get(0));
            }
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

    /**
     * Kills the process and every descendant, repeating while new descendants appear (a parent
     * may fork between two looks). Descendants are killed before their parents, so none is
     * re-parented out of sight while we look. A process that detached itself completely
     * ({@code setsid} and a double fork, as a daemon does) before the kill is not a descendant any
     * more and is out of reach here; under systemd the service's cgroup still holds it.
     */
    static void killTree(Process process) {
        if (SETSID.isPresent() && KILL.isPresent() && process.isAlive()) {
            killGroup(process.pid());
        }
        for (int round = 0; round < KILL_ROUNDS; round++) {
            List<ProcessHandle> all = process.descendants().toList();
            if (all.isEmpty()) {
                break;
            }
            for (int i = all.size() - 1; i >= 0; i--) {
                all.get(i).destroyForcibly();
            }
            try {
                Thread.sleep(round == 0 ? 0 : 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        process.destroyForcibly();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    private static List<String> inOwnSession(List<String> command) {
        if (SETSID.isEmpty() || KILL.isEmpty()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(command.size() + 1);
        wrapped.add(SETSID.get().toString());
        wrapped.addAll(command);
        return wrapped;
    }

    /** SIGKILL to the process group {@code pgid} (the child is its leader); failures are logged. */
    private static void killGroup(long pgid) {
        try {
            Process kill = new ProcessBuilder(KILL.get().toString(), "-KILL", "--", "-" + pgid)
                    .redirectErrorStream(true).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                LOG.warn("kill of process group {} did not finish", pgid);
            } else if (kill.exitValue() != 0) {
                LOG.debug("kill of process group {}: {}", pgid,
                        new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            LOG.warn("cannot kill process group {}: {}", pgid, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Path> firstExecutable(String... candidates) {
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads one stream to the end on its own thread, keeping the first and the last half of
     * {@link #OUTPUT_LIMIT} bytes: a tool's error is usually its last line, also after megabytes of
     * progress output (issue #17).
     */
    private static final class Drain extends Thread {
        private static final int HALF = OUTPUT_LIMIT / 2;
        private final InputStream stream;
        private final ByteArrayOutputStream head = new ByteArrayOutputStream();
        private final byte[] tail = new byte[HALF];
        private long tailBytes;

        Drain(InputStream stream, String name) {
            super("process-" + name);
            this.stream = stream;
            setDaemon(true);
        }

        @Override
        public void run() {
            byte[] chunk = new byte[8192];
            try (InputStream s = stream) {
                for (int n = s.read(chunk); n >= 0; n = s.read(chunk)) {
                    synchronized (this) {
                        int keep = Math.min(n, HALF - head.size());
                        head.write(chunk, 0, keep);
                        for (int i = keep; i < n; i++) {
                            tail[(int) (tailBytes++ % HALF)] = chunk[i];
                        }
                    }
                }
            } catch (IOException e) {
                // stream closed when the process was killed; keep what was read
            }
        }

        synchronized String text() {
            String first = head.toString(StandardCharsets.UTF_8);
            if (tailBytes == 0) {
                return first;
            }
            int kept = (int) Math.min(tailBytes, HALF);
            byte[] last = new byte[kept];
            for (int i = 0; i < kept; i++) {
                last[i] = tail[(int) ((tailBytes - kept + i) % HALF)];
            }
            long dropped = tailBytes - kept;
            return first + (dropped == 0 ? "" : "\n[" + dropped + " more bytes of output dropped]\n")
                    + new String(last, StandardCharsets.UTF_8);
        }
    }
}
