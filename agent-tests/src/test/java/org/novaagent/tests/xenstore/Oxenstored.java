/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.xenstore;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.novaagent.testkit.RequiredTool;

/**
 * Runs Debian's real OCaml {@code oxenstored} without Xen (recipe: start.sh in
 * {@code src/test/xenstore}) in a scratch directory, for integration tests. Connections on its
 * socket are dom0: relative paths resolve to {@code /local/domain/0}. Needs root.
 */
public final class Oxenstored implements AutoCloseable {

    /** The daemon binary (the /usr/sbin wrapper wants a hypervisor). */
    public static final Path BINARY = Path.of("/usr/lib/xen-4.17/bin/oxenstored");
    private static final long START_TIMEOUT_MS = 10_000;

    private final Path dir;
    private Process process;

    private Oxenstored(Path dir) {
        this.dir = dir;
    }

    /**
     * Prepares {@code dir} (shim, config, script) and starts the daemon; skips or fails the
     * calling test (see {@link RequiredTool}) when oxenstored, gcc or root are missing.
     */
    public static Oxenstored start(Path dir) throws IOException {
        RequiredTool.require(BINARY.toString(), "the real XenStore daemon (xen-utils-4.17)");
        RequiredTool.require("/usr/bin/gcc", "builds the LD_PRELOAD evtchn shim");
        RequiredTool.require("/usr/bin/unshare", "private mount namespace for the daemon");
        RequiredTool.requireRoot("oxenstored runs in a private mount namespace (unshare -m, mount, mknod)");
        Oxenstored o = new Oxenstored(dir.toAbsolutePath());
        o.prepare();
        o.launch();
        return o;
    }

    /** @return the daemon's socket: give it to clients as {@code XENSTORED_PATH} */
    public Path socketPath() {
        return dir.resolve("run/socket");
    }

    /** @return the scratch directory */
    public Path directory() {
        return dir;
    }

    /** @return the access log: one line per operation the daemon served */
    public Path accessLog() {
        return dir.resolve("log/xenstored-access.log");
    }

    /** @return the daemon's pid (unshare and start.sh exec into it) */
    public long pid() {
        return process.pid();
    }

    /** @return true while the daemon process runs */
    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the daemon with SIGTERM (SIGKILL after 5 s). */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Kills the daemon (SIGKILL, like a crash) and starts a fresh one on the same socket path. */
    public void restart() throws IOException {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while killing oxenstored", e);
            }
            process = null;
        }
        launch();
    }

    @Override
    public void close() {
        stop();
    }

    private void prepare() throws IOException {
        Path scripts = scriptDir();
        Files.createDirectories(dir.resolve("run"));
        Files.createDirectories(dir.resolve("log"));
        Files.copy(scripts.resolve("start.sh"), dir.resolve("start.sh"), StandardCopyOption.REPLACE_EXISTING);
        dir.resolve("start.sh").toFile().setExecutable(true);
        String conf = Files.readString(scripts.resolve("oxenstored.conf.in")).replace("@DIR@", dir.toString());
        Files.writeString(dir.resolve("oxenstored.conf"), conf);
        run(List.of("gcc", "-shared", "-fPIC", "-O2", "-o", dir.resolve("fakeevtchn.so").toString(),
                scripts.resolve("fakeevtchn.c").toString()));
    }

    private void launch() throws IOException {
        Files.deleteIfExists(socketPath());
        ProcessBuilder pb = new ProcessBuilder("unshare", "-m", "--propagation", "private",
                dir.resolve("start.sh").toString(), "--no-fork", "--no-domain-init");
        pb.environment().put("OXS_DIR", dir.toString());
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("log/oxenstored.out").toFile()));
        process = pb.start();
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("oxenstored exited with " + process.exitValue() + ": " + output());
            }
            if (connectable()) {
                return;
            }
            sleep(10);
        }
        stop();
        throw new IOException("oxenstored socket did not appear within " + START_TIMEOUT_MS + " ms: " + output());
    }

    private boolean connectable() {
        if (!Files.exists(socketPath())) {
            return false;
        }
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socketPath()));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String output() throws IOException {
        Path out = dir.resolve("log/oxenstored.out");
        return Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8).strip() : "";
    }

    private static Path scriptDir() throws IOException {
        Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        for (Path p : List.of(base.resolve("src/test/xenstore"), base.resolve("agent-tests/src/test/xenstore"))) {
            if (Files.isRegularFile(p.resolve("start.sh"))) {
                return p.toAbsolutePath();
            }
        }
        throw new IOException("cannot find src/test/xenstore/start.sh under " + base);
    }

    private static void run(List<String> argv) throws IOException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", argv) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + argv, e);
        }
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for oxenstored", e);
        }
    }
}
