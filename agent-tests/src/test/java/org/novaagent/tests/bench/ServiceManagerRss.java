/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.novaagent.xenstore.XenStoreException;

/**
 * The agent's idle RSS as a service manager runs it (issue #14): with {@code NOTIFY_SOCKET} set, as
 * systemd sets it for {@code Type=notify} (and OpenRC's supervise-daemon for
 * {@code notify=socket:ready}), the agent sends READY=1 once its first replies are written, which
 * may load code a bare start never loads. The socket is {@code bench/notify-listener.py}'s (Python:
 * Java 17 cannot bind an AF_UNIX datagram socket); the row counts only if READY=1 arrived there with
 * the agent's pid as its sender, which is what systemd's {@code NotifyAccess=main} accepts.
 */
final class ServiceManagerRss {

    /** What one measurement saw. */
    record Sample(double rssMib, String readyLine) {
    }

    private ServiceManagerRss() {
    }

    /**
     * @param listener bench/notify-listener.py
     * @param command  the agent's launcher command line
     * @param env      its environment (NOTIFY_SOCKET is added)
     * @param dir      a scratch directory for the socket and the logs
     * @return VmRSS 2 s after the first reply, and the READY line the listener printed
     */
    static Sample measure(FirstReply probe, Path listener, List<String> command, Map<String, String> env, Path dir)
            throws IOException, InterruptedException, XenStoreException {
        Path socket = Files.createDirectories(dir).resolve("notify.sock");
        Path heard = dir.resolve("notify.out");
        Process manager = new ProcessBuilder("/usr/bin/python3", listener.toString(), socket.toString())
                .redirectErrorStream(true).redirectOutput(heard.toFile()).start();
        try {
            awaitLine(heard, "listening", manager);
            Map<String, String> withSocket = new HashMap<>(env);
            withSocket.put("NOTIFY_SOCKET", socket.toString());
            FirstReply.Started s = probe.start(command, withSocket, dir.resolve("logs"));
            try {
                Thread.sleep(2000);
                double rss = FootprintBench.rssMib(s.process().pid());
                String ready = awaitLine(heard, "READY=1", manager);
                if (!ready.startsWith(s.process().pid() + " ")) {
                    throw new IllegalStateException("READY=1 came from another pid than the agent's (" + s.process().pid()
                            + "): " + ready + "; systemd would reject it under NotifyAccess=main");
                }
                return new Sample(rss, ready);
            } finally {
                BenchAgent.stop(s.process());
            }
        } finally {
            manager.destroy();
            manager.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static String awaitLine(Path file, String needle, Process writer) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(file)) {
                if (line.contains(needle)) {
                    return line;
                }
            }
            if (!writer.isAlive()) {
                throw new IllegalStateException("notify-listener.py ended: " + Files.readString(file));
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no '" + needle + "' from the notification socket in 30 s: " + Files.readString(file));
    }
}
