/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.host.HostReply;
import org.novaagent.host.HostSimulator;
import org.novaagent.testkit.Unprivileged;

/**
 * Issue #19 findings 1, 2 and 5 through the real agent: the host simulator sends {@code injectfile}
 * through the real oxenstored to {@code agent run} (as root) over a Debian scratch root, while an
 * ordinary user (uid 65534 via {@code setpriv}) owns a home in that root and attacks. Each test
 * failed on the code before the fix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InjectFileAttackE2ETests {

    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE2eKey host@nova\n";
    private static final String ROOT_KEYS = "ssh-rsa ROOTS-OWN-KEY root@admin\n";

    @TempDir
    static Path dir;

    private XenStoreStage stage;
    private RunningAgent agent;
    private HostSimulator sim;
    private Path root;
    private Path shadow;
    private String shadowBefore;

    @BeforeAll
    void start() throws Exception {
        Unprivileged.require("the attacker is an ordinary user of the guest");
        Unprivileged.traversable(dir);
        stage = XenStoreStage.start(dir, Duration.ofSeconds(20));
        sim = stage.sim();
        root = stage.debianRoot();
        shadow = root.resolve("etc/shadow");
        shadowBefore = Files.readString(shadow);
        Files.createDirectories(root.resolve("root/.ssh"));
        Files.writeString(root.resolve("root/.ssh/authorized_keys"), ROOT_KEYS);
        agent = stage.startAgent(root);
    }

    @AfterAll
    void stop() {
        if (stage != null) {
            stage.close();
        }
    }

    /** A home owned by the user, reachable as /home/NAME is on a real system. */
    private Path home(String user) throws IOException {
        Path home = Unprivileged.own(Files.createDirectories(root.resolve("home/" + user)));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private HostReply inject(String user) throws Exception {
        return sim.injectfile("/home/" + user + "/.ssh/authorized_keys", KEY.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @Order(1)
    void finding1InotifyRacerThroughTheRealAgentNeverGetsShadow() throws Exception {
        Path home = home("racer");
        Path ssh = Unprivileged.own(Files.createDirectories(home.resolve(".ssh")));
        Unprivileged.own(Files.writeString(ssh.resolve("authorized_keys"), "ssh-rsa OLD racer\n"));
        Path work = Files.createDirectories(dir.resolve("racer-bin"));
        Unprivileged.traversable(work);
        Process racer = Unprivileged.startRacer(work, shadow, "authorized_keys", ssh, home);
        int attempts = 25;
        int ok = 0;
        try {
            for (int i = 0; i < attempts; i++) {
                ok += inject("racer").isSuccess() ? 1 : 0;      // a refusal is fine; only where writes land matters
            }
        } finally {
            racer.destroyForcibly().waitFor();
        }
        assertTrue(Unprivileged.swaps(work) > 0, "the racer never raced: the test would prove nothing");
        assertEquals(0, Files.getAttribute(shadow, "unix:uid"), "etc/shadow given to the user");
        assertEquals(shadowBefore, Files.readString(shadow), "etc/shadow overwritten");
        assertFalse(Files.isSymbolicLink(ssh.resolve("authorized_keys")));
        assertTrue(ok > 0, "no inject succeeded at all:\n" + agent.stderr());
    }

    @Test
    @Order(2)
    void finding2SymlinkedSshToRootsIsRefusedThroughTheRealAgent() throws Exception {
        Path home = home("linker");
        Unprivileged.run("ln", "-s", "../../root/.ssh", home.resolve(".ssh").toString());

        HostReply reply = inject("linker");
        assertEquals("500", reply.returnCode(), reply + "\n" + agent.stderr());
        assertTrue(reply.message().contains("'/home/linker/.ssh' is a symbolic link"), reply.message());
        assertEquals(ROOT_KEYS, Files.readString(root.resolve("root/.ssh/authorized_keys")), "root's keys replaced");
    }

    /** Last: on the old code the 3 GiB copy went on after the timeout and held up later requests. */
    @Test
    @Order(3)
    void finding5SparseHugeFileIsNotBackedUpAndTheInjectAnswersInTime() throws Exception {
        Path home = home("sparse");
        Path ssh = Unprivileged.own(Files.createDirectories(home.resolve(".ssh")));
        assertTrue(Unprivileged.run("truncate", "-s", "3G", ssh.resolve("authorized_keys").toString()).succeeded());

        HostReply reply = inject("sparse");
        assertEquals("0", reply.returnCode(), reply + "\n" + agent.stderr());
        assertTrue(reply.latency().compareTo(Duration.ofSeconds(5)) < 0, "took " + reply.latency());
        assertEquals(KEY, Files.readString(ssh.resolve("authorized_keys")));
        Path backup = root.resolve("var/lib/nova-agent/backup/home/sparse/.ssh/authorized_keys");
        assertFalse(Files.exists(backup, LinkOption.NOFOLLOW_LINKS), "the 3 GiB file was copied");
        assertTrue(agent.awaitLog("no backup kept: the previous file has 3221225472 bytes", 1, 5_000), agent.stderr());
    }
}
