/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.novaagent.testkit.NotifyListener;
import org.novaagent.xenstore.XenStoreException;

/**
 * The agent's idle RSS as a service manager runs it (issue #14): with {@code NOTIFY_SOCKET} set, as
 * systemd sets it for {@code Type=notify} (and OpenRC's supervise-daemon for
 * {@code notify=socket:ready}), the agent sends READY=1 once its first replies are written, which
 * may load code a bare start never loads. The socket is agent-testkit's {@link NotifyListener} (Python:
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
     * @param command the agent's launcher command line
     * @param env     its environment (NOTIFY_SOCKET is added)
     * @param dir     a scratch directory for the socket and the logs
     * @return VmRSS 2 s after the first reply, and the READY message the listener received
     */
    static Sample measure(FirstReply probe, List<String> command, Map<String, String> env, Path dir)
            throws IOException, InterruptedException, XenStoreException {
        Path socket = Files.createDirectories(dir).resolve("notify.sock");
        try (NotifyListener manager = NotifyListener.start(dir, socket.toString(), Duration.ZERO)) {
            Map<String, String> withSocket = new HashMap<>(env);
            withSocket.put("NOTIFY_SOCKET", socket.toString());
            FirstReply.Started s = probe.start(command, withSocket, dir.resolve("logs"));
            try {
                Thread.sleep(2000);
                double rss = FootprintBench.rssMib(s.process().pid());
                NotifyListener.Message ready = awaitReady(manager);
                if (ready.pid() != s.process().pid()) {
                    throw new IllegalStateException("READY=1 came from another pid than the agent's (" + s.process().pid()
                            + "): " + ready + "; systemd would reject it under NotifyAccess=main");
                }
                return new Sample(rss, ready.pid() + " " + ready.text().replace('\n', ' '));
            } finally {
                BenchAgent.stop(s.process());
            }
        }
    }

    /** The first message carrying READY=1 (a STATUS= alone may come before it); fails after 30 s. */
    private static NotifyListener.Message awaitReady(NotifyListener manager) throws InterruptedException {
        while (true) {
            NotifyListener.Message m = manager.take(1, Duration.ofSeconds(30)).get(0);
            if (m.text().lines().anyMatch("READY=1"::equals)) {
                return m;
            }
        }
    }
}
