/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.host.demo.Distro;
import org.novaagent.host.demo.DistroRootBuilder;
import org.novaagent.tests.xenstore.Oxenstored;
import org.novaagent.xenstore.TransactionalXenStoreClient;
import org.novaagent.xenstore.XenStoreConnector;

/**
 * Directories longer than one 4096-byte xenbus message (about 111 UUID ids) on the real
 * oxenstored, which sends such DIRECTORY replies whole to its socket clients: 150 pending
 * requests must all be answered exactly once, and more than 150 old replies under
 * {@code data/guest} must neither break the session (the stale-reply sweep lists them) nor
 * outlive the grace period.
 */
class XenStoreLargeDirectoryE2ETests {

    private static final String VERSION_REQUEST = "{\"name\": \"version\", \"value\": \"agent\"}";

    @TempDir
    Path dir;

    private static List<String> write(TransactionalXenStoreClient host, String parent, int n, String value)
            throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = UUID.randomUUID().toString();
            host.write(parent + "/" + id, value);
            ids.add(id);
        }
        return ids;
    }

    private static void assertNoReconnect(RunningAgent agent) {
        String log = agent.stderr();
        assertFalse(log.contains("connection lost") || log.contains("reconnecting in"), log);
    }

    @Test
    void hundredFiftyPendingRequestsAreAllAnswered() throws Exception {
        try (Oxenstored daemon = Oxenstored.start(dir.resolve("oxs"));
             TransactionalXenStoreClient host = XenStoreConnector.openSocket(daemon.socketPath())) {
            String domain = host.domainPath();
            List<String> ids = write(host, domain + "/data/host", 150, VERSION_REQUEST);
            assertTrue(host.directory(domain + "/data/host").size() == 150, "the listing is 5,550 bytes");
            Path root = DistroRootBuilder.build(dir.resolve("root"), Distro.DEBIAN);
            try (RunningAgent agent = RunningAgent.start(dir.resolve("agent"), daemon.socketPath(), root)) {
                for (String id : ids) {
                    Optional<String> reply = HostSide.awaitReply(host, domain, id, 15_000);
                    assertTrue(reply.isPresent(), "no reply to " + id + "\n" + agent.stderr());
                    assertEquals("0", HostSide.parse(reply.get()).get("returncode").textValue(), reply.get());
                    assertTrue(HostSide.awaitRequestRemoved(host, domain, id, 15_000), "request " + id + " left");
                }
                for (String id : ids) {
                    assertEquals(1, HostSide.replyWrites(daemon.accessLog(), id), "reply writes of " + id);
                    assertEquals(1, RunningAgent.count(agent.stderr(), "request " + id + ": answered"),
                            "the agent executed " + id + " more than once or never\n" + agent.stderr());
                }
                assertNoReconnect(agent);
            }
        }
    }

    @Test
    void moreThanHundredFiftyOldRepliesAreSweptWithoutBreakingTheSession() throws Exception {
        try (Oxenstored daemon = Oxenstored.start(dir.resolve("oxs"));
             TransactionalXenStoreClient host = XenStoreConnector.openSocket(daemon.socketPath())) {
            String domain = host.domainPath();
            List<String> old = write(host, domain + "/data/guest", 160,
                    "{\"returncode\": \"0\", \"message\": \"consumed long ago\"}");
            Path agentDir = Files.createDirectories(dir.resolve("agent"));
            Files.writeString(agentDir.resolve("agent.conf"), "# large data/guest: sweep fast\n"
                    + "replies.grace = 1\nrescan.interval = 1\n");
            Path root = DistroRootBuilder.build(dir.resolve("root"), Distro.DEBIAN);
            try (RunningAgent agent = RunningAgent.start(agentDir, daemon.socketPath(), root)) {
                String id = UUID.randomUUID().toString();
                host.write(domain + "/data/host/" + id, VERSION_REQUEST);
                Optional<String> reply = HostSide.awaitReply(host, domain, id, 15_000);
                assertTrue(reply.isPresent(), "no reply while data/guest is large\n" + agent.stderr());
                long deadline = System.currentTimeMillis() + 20_000;
                List<String> left = HostSide.children(host, domain + "/data/guest");
                while (left.stream().anyMatch(old::contains) && System.currentTimeMillis() < deadline) {
                    Thread.sleep(100);
                    left = HostSide.children(host, domain + "/data/guest");
                }
                assertFalse(left.stream().anyMatch(old::contains),
                        left.size() + " replies left after the grace\n" + agent.stderr());
                assertTrue(agent.stderr().contains("stale replies from data/guest"), agent.stderr());
                assertNoReconnect(agent);
            }
        }
    }
}
