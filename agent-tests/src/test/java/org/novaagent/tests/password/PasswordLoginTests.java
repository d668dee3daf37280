/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.host.Crypto;
import org.novaagent.host.HostReply;
import org.novaagent.host.HostSimulator;
import org.novaagent.testkit.RequiredTool;
import org.novaagent.tests.support.AgentProcess;
import org.novaagent.tests.support.LoginCheck;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreConnector;
import org.novaagent.xenstore.sim.EmbeddedXenStore;

/**
 * keyinit + password from a simulated host, answered by the real agent (child JVM), proven by a
 * real login check: pam_unix's {@code unix_chkpwd} inside the scratch root accepts the new password
 * and rejects the old one.
 */
class PasswordLoginTests {

    private static final String OLD = "Old-Passw0rd";
    private static final String OLD_HASH = "$6$oldsaltoldsalt1$";

    @TempDir
    Path tmp;

    @Test
    void newPasswordLogsInAndTheOldOneNoLonger() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/os-release"), "ID=debian\nVERSION_ID=\"12\"\n");
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.writeString(root.resolve("etc/shadow"), "root:" + oldHash() + ":19000:0:99999:7:::\n");
        Files.setPosixFilePermissions(root.resolve("etc/shadow"), PosixFilePermissions.fromString("rw-r-----"));
        LoginCheck.install(root);
        assertTrue(LoginCheck.accepts(root, "root", OLD), "the old password must work before the reset");

        try (EmbeddedXenStore xs = EmbeddedXenStore.start(tmp.resolve("xs.sock"))) {
            Process agent = AgentProcess.start(tmp.resolve("logs"), Map.of(), "run", "--xenstore", xs.socketPath().toString(),
                    "--root", root.toString(), "--plugins-dir", tmp.resolve("none").toString());
            try (XenStoreClient client = XenStoreConnector.openSocket(xs.socketPath())) {
                HostSimulator host = new HostSimulator(client);
                host.setDefaultTimeout(Duration.ofSeconds(30));
                assertEquals("D0", host.keyinit().returnCode(), () -> log());
                String fresh = "N3w pässword!";
                HostReply reply = host.password(fresh, Crypto.Digest.MD5);
                assertEquals("0", reply.returnCode(), () -> reply + "\n" + log());
                assertTrue(LoginCheck.accepts(root, "root", fresh), "the new password must log in");
                assertFalse(LoginCheck.accepts(root, "root", OLD), "the old password must be rejected");
            } finally {
                agent.destroy();
                if (!agent.waitFor(10, TimeUnit.SECONDS)) {
                    agent.destroyForcibly();
                }
            }
        }
    }

    private String oldHash() throws Exception {
        RequiredTool.require("openssl", "writes the old SHA-512 crypt hash");
        Process p = new ProcessBuilder("openssl", "passwd", "-6", "-salt", "oldsaltoldsalt1", "-stdin").start();
        p.getOutputStream().write(OLD.getBytes());
        p.getOutputStream().close();
        String hash = new String(p.getInputStream().readAllBytes()).trim();
        assertEquals(0, p.waitFor());
        assertTrue(hash.startsWith(OLD_HASH), hash);
        return hash;
    }

    private String log() {
        try {
            return Files.readString(tmp.resolve("logs/agent.err"));
        } catch (java.io.IOException e) {
            return "(no agent log: " + e + ")";
        }
    }
}
