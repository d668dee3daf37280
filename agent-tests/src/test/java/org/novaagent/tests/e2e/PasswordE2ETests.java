/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.host.Crypto;
import org.novaagent.host.HostReply;
import org.novaagent.host.HostSimulator;
import org.novaagent.testkit.RequiredTool;

/**
 * keyinit + password from the host simulator through the real oxenstored to the real agent, whose
 * target is a Debian scratch root: the new root hash in {@code etc/shadow} is checked by
 * {@code openssl passwd -6} (another implementation), for MD5 and SHA-256 key derivation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PasswordE2ETests {

    private static final String OLD_PASSWORD = "Old-Passw0rd!";
    private static final String OLD_SALT = "oldsaltoldsalt12";

    @TempDir
    static Path dir;

    private XenStoreStage stage;
    private RunningAgent agent;
    private HostSimulator sim;
    private Path shadow;

    @BeforeAll
    void start() throws Exception {
        RequiredTool.require("openssl", "checks the written SHA-512 crypt hash");
        stage = XenStoreStage.start(dir, Duration.ofSeconds(15));
        sim = stage.sim();
        Path root = stage.debianRoot();
        shadow = root.resolve("etc/shadow");
        String oldHash = opensslPasswd6(OLD_SALT, OLD_PASSWORD);
        Files.writeString(shadow, Files.readString(shadow).replace("root:*:", "root:" + oldHash + ":"));
        agent = stage.startAgent(root);
    }

    @AfterAll
    void stop() {
        if (stage != null) {
            stage.close();
        }
    }

    @Test
    @Order(1)
    void passwordWithoutKeyinitIs500AndChangesNothing() throws Exception {
        String before = Files.readString(shadow);
        HostReply reply = sim.call("password", Crypto.encryptPassword("Never-Set-1", "123456789", Crypto.Digest.MD5),
                sim.defaultTimeout());
        assertEquals("500", reply.returnCode(), reply + "\n" + agent.stderr());
        assertTrue(reply.codeWasString(), reply.toString());
        assertTrue(reply.message().toLowerCase().contains("key exchange"), reply.message());
        assertEquals(before, Files.readString(shadow), "shadow changed by a rejected password");
        assertTrue(verifies(OLD_PASSWORD), "the old password must still work");
    }

    @Test
    @Order(2)
    void md5KeyDerivationSetsTheRootPassword() throws Exception {
        setAndVerify("Md5-E2e-Passw0rd", Crypto.Digest.MD5);
    }

    @Test
    @Order(3)
    void sha256KeyDerivationSetsTheRootPassword() throws Exception {
        setAndVerify("Sha256 E2e pässword", Crypto.Digest.SHA256);
    }

    @Test
    @Order(4)
    void twoPasswordsBackToBackWithAKeyinitBetween() throws Exception {
        setAndVerify("First-of-two-1", Crypto.Digest.MD5);
        setAndVerify("Second-of-two-2", Crypto.Digest.MD5);
        assertFalse(verifies("First-of-two-1"), "the first password must be replaced");

        // the secret is spent: a third password on the same key exchange is refused
        HostReply reused = sim.password("Third-no-keyinit-3", Crypto.Digest.MD5);
        assertEquals("500", reused.returnCode(), reused + "\n" + agent.stderr());
        assertTrue(verifies("Second-of-two-2"), "a refused password must not change the hash");
    }

    @Test
    @Order(5)
    void noPlaintextPasswordReachesTheAgentLog() {
        String log = agent.stderr();
        for (String pw : List.of("Md5-E2e-Passw0rd", "Sha256 E2e pässword", "First-of-two-1", "Second-of-two-2",
                "Third-no-keyinit-3", "Never-Set-1")) {
            assertFalse(log.contains(pw), "the agent logged a password");
        }
        assertTrue(log.contains("answered D0"), "no keyinit logged at all?\n" + log);
    }

    private void setAndVerify(String password, Crypto.Digest digest) throws Exception {
        HostReply keyinit = sim.keyinit();
        assertEquals("D0", keyinit.returnCode(), keyinit + "\n" + agent.stderr());
        assertTrue(keyinit.isKeyInitSuccess(), keyinit.toString());
        HostReply reply = sim.password(password, digest);
        assertTrue(reply.isSuccess(), reply + "\n" + agent.stderr());
        assertTrue(verifies(password), "shadow does not verify the new password: " + rootEntry() + "\n" + agent.stderr());
        assertFalse(verifies(OLD_PASSWORD), "the old password still verifies");
        assertTrue(Files.readString(shadow).contains("\nnobody:*:19800:0:99999:7:::\n"), "other lines must be kept");
    }

    /** @return true when {@code openssl passwd -6} with root's salt gives root's hash for {@code password} */
    private boolean verifies(String password) throws IOException, InterruptedException {
        String hash = rootEntry().split(":", -1)[1];
        assertTrue(hash.startsWith("$6$"), "not a SHA-512 crypt hash: " + rootEntry());
        String salt = hash.split("\\$")[2];
        assertEquals(16, salt.length(), "salt length of " + rootEntry());
        return opensslPasswd6(salt, password).equals(hash);
    }

    private String rootEntry() throws IOException {
        return Files.readAllLines(shadow).stream().filter(l -> l.startsWith("root:")).findFirst()
                .orElseThrow(() -> new AssertionError("no root line in etc/shadow"));
    }

    /** Runs {@code openssl passwd -6 -salt <salt> -stdin} with the password on stdin. */
    private static String opensslPasswd6(String salt, String password) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("openssl", "passwd", "-6", "-salt", salt, "-stdin").start();
        try (var in = p.getOutputStream()) {
            in.write((password + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "openssl passwd hung");
        assertEquals(0, p.exitValue(), "openssl passwd failed: " + err);
        assertNotEquals("", out, err);
        return out;
    }
}
