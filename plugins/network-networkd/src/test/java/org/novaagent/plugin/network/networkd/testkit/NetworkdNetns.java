/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.networkd.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.novaagent.testkit.Exec;
import org.novaagent.testkit.RequiredTool;

/**
 * Runs the real {@code systemd-networkd} over a directory of {@code .network} files in a throw-away
 * network namespace (veth NICs with the given MACs) and a private mount namespace
 * ({@code networkd-in-netns.sh}), until every expected line shows in {@code ip -o addr},
 * {@code ip route} and {@code ip -6 route} or 20 s pass. Shared by this module's tests and the
 * end-to-end tests (test-jar). Needs root; skips (or fails under {@code CI=true}) without it.
 */
public final class NetworkdNetns {

    /**
     * What networkd did.
     *
     * @param log   everything networkd printed (complaints about a file are {@code NAME:LINE: ...})
     * @param state {@code "<if> inet|inet6 <cidr>"} lines, then {@code ip route} and {@code ip -6 route}
     */
    public record Result(String log, String state) {
        /**
         * @param fileName a file name, e.g. {@code 05-nova-agent-eth0.network}
         * @return networkd's complaints about that file
         */
        public List<String> complaintsAbout(String fileName) {
            return log.lines().filter(l -> l.contains(fileName + ":")).toList();
        }
    }

    private NetworkdNetns() {
    }

    /**
     * @param dir      the {@code .network} files
     * @param nics     kernel name → MAC of the veth NICs to create
     * @param expected lines to wait for (see {@link Result#state}); empty waits 1.5 s
     * @param tmp      a scratch directory for the script and the log
     * @return the log and the final state
     */
    public static Result run(Path dir, Map<String, String> nics, List<String> expected, Path tmp)
            throws IOException, InterruptedException {
        RequiredTool.requireRoot("ip netns add and the mount namespace need CAP_SYS_ADMIN");
        String ip = RequiredTool.require("ip", "creates the namespace and veth NICs").toString();
        RequiredTool.require("unshare", "gives networkd a private /run/systemd and /etc/systemd/network");
        RequiredTool.require("/usr/lib/systemd/systemd-networkd", "applies the rendered .network files");
        Path script = tmp.resolve("networkd-in-netns.sh");
        try (InputStream in = NetworkdNetns.class.getResourceAsStream("networkd-in-netns.sh")) {
            Files.write(script, in.readAllBytes());
        }
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        String ns = "nova-nd-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100000;
        ok(Exec.run(ip, "netns", "add", ns));
        Process daemon = null;
        try {
            int i = 0;
            for (Map.Entry<String, String> nic : nics.entrySet()) {
                String peer = "peer" + i++;
                ok(Exec.run(ip, "-n", ns, "link", "add", nic.getKey(), "address", nic.getValue(), "type", "veth",
                        "peer", "name", peer));
                ok(Exec.run(ip, "-n", ns, "link", "set", peer, "up"));
            }
            Path log = tmp.resolve("networkd.log");
            daemon = new ProcessBuilder(ip, "netns", "exec", ns, "unshare", "-m", "--propagation", "private", "sh",
                    script.toString(), dir.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            String state;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            do {
                Thread.sleep(200);
                state = state(ip, ns);
            } while (!expected.stream().allMatch(state::contains) && daemon.isAlive() && System.nanoTime() < deadline);
            if (expected.isEmpty()) {
                Thread.sleep(1500);
                state = state(ip, ns);
            }
            if (!daemon.isAlive()) {
                throw new AssertionError("networkd exited:\n" + Files.readString(log));
            }
            daemon.destroy();
            daemon.waitFor(10, TimeUnit.SECONDS);
            return new Result(Files.readString(log), state);
        } finally {
            if (daemon != null && daemon.isAlive()) {
                daemon.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Exec.Result del = Exec.run(ip, "netns", "del", ns);
            if (del.code() != 0) {
                throw new AssertionError("namespace " + ns + " not deleted: " + del.output());
            }
        }
    }

    private static String state(String ip, String ns) throws IOException, InterruptedException {
        StringBuilder s = new StringBuilder();
        for (String line : Exec.run(ip, "-n", ns, "-o", "addr").output().lines().toList()) {
            // "3: eth0@peer0    inet 10.0.0.1/24 brd ..." -> "eth0 inet 10.0.0.1/24"
            String[] w = line.split("\\s+");
            if (w.length > 3) {
                s.append(w[1].replaceAll("@.*", "")).append(' ').append(w[2]).append(' ').append(w[3]).append('\n');
            }
        }
        s.append(Exec.run(ip, "-n", ns, "route").output());
        s.append(Exec.run(ip, "-n", ns, "-6", "route").output());
        return s.toString();
    }

    private static void ok(Exec.Result r) {
        if (r.code() != 0) {
            throw new AssertionError(r.output());
        }
    }
}
