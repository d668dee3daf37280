/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.novaagent.xenstore.internal.PollingWatcher;
import org.novaagent.xenstore.internal.ProcessCommandRunner;

/**
 * XenStore on Windows guests through the XenServer PV tools' {@code xenstore_client.exe}
 * ({@code dir}, {@code read}, {@code write}, {@code remove}). There is no watch command, so watches
 * are emulated by polling (every second by default). Values written appear on the command line.
 */
public final class WindowsXenStoreClient implements XenStoreClient {

    /** Where the Citrix/XenServer tools install the command. */
    public static final Path DEFAULT_EXE = Path.of("C:\\Program Files\\Citrix\\XenTools\\xenstore_client.exe");
    /** The tool's output for a missing key (Win32 ERROR_FILE_NOT_FOUND). */
    public static final String NOT_FOUND = "The system cannot find the file specified.";

    /** Runs one command and returns its exit code and combined output; injectable for tests. */
    @FunctionalInterface
    public interface CommandRunner {
        /** @param argv the executable and its arguments */
        CommandOutput run(List<String> argv) throws IOException;
    }

    /**
     * What a command printed.
     *
     * @param exitCode the process exit code
     * @param output   standard output and error, decoded as UTF-8
     */
    public record CommandOutput(int exitCode, String output) {
    }

    private final String exe;
    private final CommandRunner runner;
    private final PollingWatcher watcher;
    private volatile boolean open = true;

    /** Uses {@link #DEFAULT_EXE} run as a real process, polling watches every second. */
    public WindowsXenStoreClient() {
        this(DEFAULT_EXE, new ProcessCommandRunner(Duration.ofSeconds(30)), Duration.ofSeconds(1));
    }

    /**
     * @param exe          path of {@code xenstore_client.exe}
     * @param runner       how commands are run
     * @param pollInterval how often watched subtrees are compared
     */
    public WindowsXenStoreClient(Path exe, CommandRunner runner, Duration pollInterval) {
        this.exe = exe.toString();
        this.runner = runner;
        this.watcher = new PollingWatcher(this, pollInterval);
    }

    @Override
    public String domainPath() throws XenStoreException {
        String domid = read("domid").orElseThrow(() -> new XenStoreException(
                "cannot determine the domain path: relative key 'domid' is missing", "ENOENT", false, null));
        return "/local/domain/" + domid.trim();
    }

    @Override
    public Optional<byte[]> readBytes(String path) throws XenStoreException {
        return read(path).map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Optional<String> read(String path) throws XenStoreException {
        CommandOutput out = run("read", path);
        if (missing(out)) {
            return Optional.empty();
        }
        return Optional.of(stripNewline(checked(out, "read", path)));
    }

    @Override
    public void write(String path, String value) throws XenStoreException {
        if (value.getBytes(StandardCharsets.UTF_8).length > 4096) {
            throw new XenStoreException("write " + path + ": value exceeds 4096 bytes", "E2BIG", false, null);
        }
        checked(run("write", path, value), "write", path);
    }

    @Override
    public List<String> directory(String path) throws XenStoreException {
        CommandOutput out = run("dir", path);
        if (missing(out)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String line : checked(out, "dir", path).split("\\R")) {
            if (!line.isBlank()) {
                names.add(line.strip());
            }
        }
        return names;
    }

    @Override
    public void rm(String path) throws XenStoreException {
        CommandOutput out = run("remove", path);
        if (!missing(out)) {
            checked(out, "remove", path);
        }
    }

    @Override
    public void mkdir(String path) throws XenStoreException {
        if (read(path).isEmpty()) {
            write(path, "");
        }
    }

    @Override
    public void watch(String path, String token) throws XenStoreException {
        checkOpen();
        watcher.add(path, token);
    }

    @Override
    public void unwatch(String path, String token) throws XenStoreException {
        checkOpen();
        watcher.remove(path, token);
    }

    @Override
    public Optional<WatchEvent> awaitEvent(Duration timeout) throws XenStoreException, InterruptedException {
        checkOpen();
        Optional<WatchEvent> e = watcher.next(timeout);
        checkOpen();
        return e;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
        watcher.close();
    }

    private void checkOpen() throws XenStoreException {
        if (!open) {
            throw XenStoreException.connectionLost("xenstore client closed", null);
        }
    }

    private CommandOutput run(String... args) throws XenStoreException {
        checkOpen();
        List<String> argv = new ArrayList<>();
        argv.add(exe);
        argv.addAll(List.of(args));
        try {
            return runner.run(argv);
        } catch (IOException e) {
            throw XenStoreException.connectionLost("cannot run " + exe + " " + args[0] + ": " + e.getMessage(), e);
        }
    }

    private static boolean missing(CommandOutput out) {
        return out.output().contains(NOT_FOUND);
    }

    private static String checked(CommandOutput out, String op, String path) throws XenStoreException {
        if (out.exitCode() != 0) {
            throw new XenStoreException(op + " " + path + ": xenstore_client exited " + out.exitCode() + ": "
                    + out.output().strip(), "EIO", false, null);
        }
        return out.output();
    }

    private static String stripNewline(String s) {
        if (s.endsWith("\r\n")) {
            return s.substring(0, s.length() - 2);
        }
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
