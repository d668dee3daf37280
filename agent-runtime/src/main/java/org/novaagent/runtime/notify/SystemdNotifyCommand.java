/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.notify;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sd_notify} through systemd's own {@code systemd-notify}, so that a host run by systemd never loads
 * jnr-ffi (about 7 MiB of resident memory and 150 ms of CPU for three datagrams; Java 17 cannot send AF_UNIX
 * datagrams itself). {@code systemd-notify} (239 to current) credits its message to its parent, the agent,
 * which the kernel allows a root sender with {@code CAP_SYS_ADMIN} ({@link ProcStatus#maySendForParent()}):
 * that is what {@code NotifyAccess=main} checks. Each state line becomes one {@code VAR=VALUE} argument.
 * <p>
 * {@link #notify} only queues the message and returns true: one worker thread (gone after 30 s idle) runs
 * the commands one after the other, so the messages keep their order and the message loop never waits for
 * a process; newer versions also wait up to 5 s for the service manager to confirm (a barrier). A failure
 * is logged at WARN with the exit code and the end of its stderr, and from then on this message and the
 * later ones go through {@code fallback} (libc through jnr-ffi); a socket that is gone (OpenRC's
 * supervise-daemon removes its socket after READY=1) ends notification quietly, as in {@link SdNotify}.
 * {@link #stopping()} waits up to {@link #STOPPING_WAIT_SECONDS} s, so that STOPPING=1 leaves before the
 * JVM halts.
 */
public final class SystemdNotifyCommand implements ServiceNotifier {

    /** Where systemd installs the tool; {@code PATH} is never searched. */
    static final List<Path> LOCATIONS = List.of(Path.of("/usr/bin/systemd-notify"), Path.of("/bin/systemd-notify"));
    /** How long {@link #stopping()} waits for its message to leave. */
    static final int STOPPING_WAIT_SECONDS = 2;
    /** A command still running after this long is killed (newer versions wait up to 5 s themselves). */
    private static final int RUN_LIMIT_SECONDS = 10;
    private static final int QUEUE_LIMIT = 64;
    private static final int STDERR_TAIL = 400;
    private static final Logger LOG = LoggerFactory.getLogger(SystemdNotifyCommand.class);

    private enum Mode { COMMAND, FALLBACK, GONE }

    private final Path executable;
    private final String socket;
    private final ServiceNotifier fallback;
    private final ThreadPoolExecutor worker;
    private volatile Mode mode = Mode.COMMAND;

    SystemdNotifyCommand(Path executable, String socket, ServiceNotifier fallback) {
        this.executable = Objects.requireNonNull(executable, "executable");
        this.socket = Objects.requireNonNull(socket, "socket");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.worker = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUE_LIMIT), r -> {
            Thread t = new Thread(r, "nova-agent-notify");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param socket   the validated {@code NOTIFY_SOCKET}
     * @param fallback where messages go when the command fails
     * @return the notifier when this process runs as root with {@code CAP_SYS_ADMIN}, is not pid 1 (then
     *         {@code systemd-notify} sends from itself) and {@code systemd-notify} is installed; else empty
     */
    static Optional<SystemdNotifyCommand> find(String socket, ServiceNotifier fallback) {
        return find(socket, fallback, LOCATIONS, ProcStatus.readSelf(), ProcessHandle.current().pid());
    }

    static Optional<SystemdNotifyCommand> find(String socket, ServiceNotifier fallback, List<Path> locations,
                                               Optional<ProcStatus> status, long pid) {
        if (status.isEmpty() || !status.get().maySendForParent() || pid == 1) {
            LOG.debug("sd_notify through libc: not root with CAP_SYS_ADMIN (or pid 1), systemd-notify could not speak for the agent");
            return Optional.empty();
        }
        for (Path candidate : locations) {
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(new SystemdNotifyCommand(candidate, socket, fallback));
            }
        }
        LOG.debug("sd_notify through libc: no systemd-notify in {}", locations);
        return Optional.empty();
    }

    @Override
    public boolean notify(String state) {
        return submit(state).isPresent();
    }

    @Override
    public boolean stopping() {
        Optional<Future<Boolean>> sent = submit("STOPPING=1");
        if (sent.isEmpty()) {
            return false;
        }
        try {
            return sent.get().get(STOPPING_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("STOPPING=1 not confirmed within {} s", STOPPING_WAIT_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("STOPPING=1 failed: {}", e.getCause().toString());
        }
        return false;
    }

    private Optional<Future<Boolean>> submit(String state) {
        if (mode == Mode.GONE) {
            return Optional.empty();
        }
        try {
            return Optional.of(worker.submit(() -> send(state)));
        } catch (RejectedExecutionException e) {
            LOG.warn("sd_notify: {} messages already waiting for systemd-notify; dropped {}", QUEUE_LIMIT,
                    state.replace('\n', ' '));
            return Optional.empty();
        }
    }

    /** Runs on the worker thread, one message at a time. */
    private boolean send(String state) {
        if (mode == Mode.GONE) {
            return false;
        }
        if (mode == Mode.FALLBACK) {
            return fallback.notify(state);
        }
        List<String> command = command(state);
        if (command.size() == 2) {
            return false;
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("NOTIFY_SOCKET", socket);
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("SYSTEMD_LOG_TARGET", "console");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return fallBack(state, "cannot run " + executable + " (" + e.getMessage() + ")");
        }
        try {
            if (!process.waitFor(RUN_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fallBack(state, executable + " still running after " + RUN_LIMIT_SECONDS + " s; killed");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
        int exit = process.exitValue();
        String stderr = tail(process.getErrorStream());
        if (exit == 0) {
            LOG.debug("sd_notify {} (systemd-notify): {}", socket, state.replace('\n', ' '));
            return true;
        }
        if (stderr.contains("No such file or directory") || stderr.contains("Connection refused")) {
            mode = Mode.GONE;
            LOG.info("NOTIFY_SOCKET {} is gone ({}): the service manager no longer listens; not notifying any more",
                    socket, stderr);
            return false;
        }
        if (stderr.contains("Failed to invoke barrier")) {
            // the message left; only the service manager's confirmation (newer versions) did not come
            LOG.info("sd_notify {}: sent, not confirmed by the service manager ({})", socket, stderr);
            return true;
        }
        return fallBack(state, executable + " exited with " + exit + (stderr.isEmpty() ? "" : ": " + stderr));
    }

    /** @return {@code [executable, "--", line...]} with the state's {@code VAR=VALUE} lines */
    List<String> command(String state) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--"));
        for (String line : state.split("\n")) {
            // a line that is no assignment means nothing to the service manager, and newer versions refuse it
            if (line.indexOf('=') > 0) {
                command.add(line);
            }
        }
        return command;
    }

    private boolean fallBack(String state, String reason) {
        mode = Mode.FALLBACK;
        LOG.warn("sd_notify: {}; sending through libc (jnr-ffi) from now on", reason);
        return fallback.notify(state);
    }

    private static String tail(InputStream stderr) {
        try (stderr) {
            String text = new String(stderr.readNBytes(64 * 1024), StandardCharsets.UTF_8).strip().replace('\n', ' ');
            return text.length() <= STDERR_TAIL ? text : "..." + text.substring(text.length() - STDERR_TAIL);
        } catch (IOException e) {
            return "<stderr unreadable: " + e.getMessage() + ">";
        }
    }

    @Override
    public String toString() {
        return "SystemdNotifyCommand[" + executable + " -> " + socket + "]";
    }
}
