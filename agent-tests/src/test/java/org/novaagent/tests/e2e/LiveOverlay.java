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
import org.novaagent.testkit.RequiredTool;
import org.novaagent.tests.support.AgentProcess;

/**
 * The real agent as on a live system ({@code --root /}, so it really runs its tools) without
 * touching this machine: in private mount, network, UTS and IPC namespaces, {@code /} is an
 * overlay whose lower layer is this machine's {@code /} and whose upper layer is a directory of
 * the test (so a restart on the same directory sees the files as the last run left them: the seed
 * is applied on the first start only), and the agent is
 * {@code chroot}ed into it with {@code /proc}, {@code /dev}, {@code /sys} and {@code /tmp} bound in.
 * A seed root ({@link org.novaagent.host.demo.DistroRootBuilder}) provides {@code etc} (copied
 * over the machine's, after the directories a scenario names are removed) and
 * {@code sys/class/net} (a tmpfs over the real one, so the NICs are the seed's); tools are scripts
 * in {@code /usr/local/sbin}, first in the agent's {@code PATH} and in its tool search path.
 * The test reaches the files through {@code /proc/<agent pid>/root}.
 */
final class LiveOverlay implements AutoCloseable {

    /** The machine's network configuration directories, removed so that only the seed's count. */
    static final List<String> NETWORK_DIRS = List.of("etc/netplan", "etc/network", "etc/sysconfig", "etc/NetworkManager");

    private final Path dir;
    private final Process process;

    private LiveOverlay(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
    }

    /** Fails (CI) or skips (elsewhere) when the tools this needs are missing. */
    static void requireTools() {
        RequiredTool.requireRoot("mounts an overlay of / in a private mount namespace");
        RequiredTool.require("unshare", "private mount, network and UTS namespaces for the live agent");
        RequiredTool.require("chroot", "runs the agent in the overlay as on a live system");
    }

    /**
     * Starts {@code agent run --root /} in the overlay and waits until it is ready.
     *
     * @param dir     the overlay's directory (upper layer, logs, plugins, config); reuse it to restart
     * @param socket  the XenStore daemon socket (under {@code /tmp}, bound into the overlay)
     * @param seed    a seed root: its {@code etc} and {@code sys/class/net} are used
     * @param remove  directories under {@code /} removed from the overlay first ({@code etc/netplan})
     * @param tools   tool name → script, installed in {@code /usr/local/sbin} (mode 0755)
     * @param config  the content of {@code agent.conf}
     * @return the running agent
     */
    static LiveOverlay start(Path dir, Path socket, Path seed, List<String> remove, Map<String, String> tools,
            String config) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("upper"));
        Files.createDirectories(dir.resolve("work"));
        Path merged = Files.createDirectories(dir.resolve("merged"));
        Path stubs = Files.createDirectories(dir.resolve("stubs"));
        for (Map.Entry<String, String> t : tools.entrySet()) {
            Path f = stubs.resolve(t.getKey());
            Files.writeString(f, t.getValue());
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path agentDir = Files.createDirectories(dir.resolve("agent"));
        Files.writeString(agentDir.resolve("agent.conf"), config);
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.deleteIfExists(logs.resolve("agent.err"));
        StringBuilder removal = new StringBuilder();
        for (String r : remove) {
            removal.append(" \"$M/").append(r).append('"');
        }
        String script = String.join("\n",
                "set -e",
                "D=\"$1\"; SEED=\"$2\"; M=\"$D/merged\"; shift 2",
                "mount -t overlay nova-live -o lowerdir=/,upperdir=\"$D/upper\",workdir=\"$D/work\" \"$M\"",
                "for m in proc dev sys tmp; do mount --rbind \"/$m\" \"$M/$m\"; done",
                "mount -t tmpfs -o mode=755 nova-net \"$M/sys/class/net\"",
                "cp -a \"$SEED/sys/class/net/.\" \"$M/sys/class/net/\"",
                "if [ ! -e \"$D/seeded\" ]; then",
                "  rm -rf" + removal + " \"$M/usr/local/sbin\"",
                "  cp -a \"$SEED/etc/.\" \"$M/etc/\" && touch \"$D/seeded\"",
                "fi",
                "mkdir -p \"$M/usr/local/sbin\" && cp -a \"$D/stubs/.\" \"$M/usr/local/sbin/\"",
                "hostname nova-live",
                "exec chroot \"$M\" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
                        + " LANG=C.UTF-8 \"$@\"");
        List<String> cmd = new ArrayList<>(List.of("unshare", "--mount", "--net", "--uts", "--ipc",
                "--propagation", "private", "/bin/sh", "-c", script, "live-overlay", dir.toString(), seed.toString()));
        cmd.addAll(AgentProcess.command(List.of(RunningAgent.runArgs(agentDir, socket, Path.of("/")))));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logs.resolve("agent.err").toFile())
                .start();
        LiveOverlay live = new LiveOverlay(dir, p);
        long deadline = System.currentTimeMillis() + 60_000;
        while (!live.log().contains(RunningAgent.READY_LINE)) {
            if (!p.isAlive() || System.currentTimeMillis() > deadline) {
                live.close();
                throw new IOException("the live agent did not start:\n" + live.log());
            }
            Thread.sleep(50);
        }
        return live;
    }

    /** @return the agent's process (the JVM itself: {@code unshare}, {@code sh} and {@code chroot} exec) */
    Process process() {
        return process;
    }

    /**
     * @param guestPath a path as the agent sees it, without the leading slash ({@code etc/netplan})
     * @return the same file seen from outside, through {@code /proc/<pid>/root}
     */
    Path inside(String guestPath) {
        return Path.of("/proc", Long.toString(process.pid()), "root").resolve(guestPath);
    }

    /** @return everything the agent logged so far */
    String log() {
        try {
            return Files.readString(dir.resolve("logs/agent.err"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<no log: " + e.getMessage() + ">";
        }
    }

    /** Stops the agent (SIGTERM, SIGKILL after 40 s); the namespaces and mounts go with it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
