/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.novaagent.api.support.Sha512Crypt;
import org.novaagent.host.Crypto;
import org.novaagent.host.FakeAgent;
import org.novaagent.host.HostDiffieHellman;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreConnector;
import org.novaagent.xenstore.XenStoreException;

/**
 * The demo's host side on the real embedded XenStore, with a fake in-process agent that answers the
 * requests and writes a few files (the real agent runtime is tested end to end elsewhere).
 */
class DemoScenarioTests {

    @TempDir
    Path tmp;

    private final StringWriter bytes = new StringWriter();
    private final PrintWriter out = new PrintWriter(bytes, true);

    private DemoOptions options() {
        return DemoOptions.defaults().withWorkDir(tmp).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @EnumSource(Distro.class)
    void everyStepSucceeds(Distro distro) throws IOException {
        ScriptedAgent agent = new ScriptedAgent(false);
        int rc = new DemoScenario().run(options().withDistro(distro), agent::start, out);
        String text = bytes.toString();
        assertEquals(0, rc, text);
        assertEquals(List.of(2, 3, 2), agent.nicCounts, text);
        assertFalse(text.contains(agent.password), "the demo password must never be printed");
        assertTrue(text.contains("Result: OK, all 7 steps succeeded"), text);
        assertTrue(text.contains("root:$6$"), text);
        assertTrue(text.contains("| demo-server"), text);
        assertTrue(text.contains(distro.prettyName()), text);
        Path root = scratchRoot();
        assertEquals("demo-server\n", Files.readString(root.resolve("etc/hostname")));
        assertTrue(Sha512Crypt.verify(agent.password.getBytes(StandardCharsets.UTF_8), Files.readString(root.resolve("etc/shadow")).split(":")[1]));
    }

    @Test
    void failedPasswordGivesExitOne() {
        ScriptedAgent agent = new ScriptedAgent(true);
        int rc = new DemoScenario().run(options(), agent::start, out);
        String text = bytes.toString();
        assertEquals(1, rc, text);
        assertTrue(text.contains("<-- FAILED"), text);
        assertTrue(text.contains("root password not verified"), text);
    }

    @Test
    void launcherFailureIsReported() {
        int rc = new DemoScenario().run(options(), (socket, root) -> {
            throw new IOException("no agent here");
        }, out);
        String text = bytes.toString();
        assertEquals(1, rc, text);
        assertTrue(text.contains("start agent") && text.contains("no agent here"), text);
    }

    @Test
    void cleanupRemovesScratchDirectory() throws IOException {
        ScriptedAgent agent = new ScriptedAgent(false);
        assertEquals(0, new DemoScenario().run(options().withCleanup(true), agent::start, out));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(0, s.count());
        }
    }

    private Path scratchRoot() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.findFirst().orElseThrow().resolve("root");
        }
    }

    /** A fake agent: DH + password into etc/shadow, resetnetwork into etc/hostname and a NIC list. */
    static final class ScriptedAgent {
        private final boolean failPassword;
        private final BigInteger b = new BigInteger(128, new SecureRandom());
        final List<Integer> nicCounts = new CopyOnWriteArrayList<>();
        volatile String password = "<none received>";
        private String shared;
        private XenStoreClient client;
        private Path root;

        ScriptedAgent(boolean failPassword) {
            this.failPassword = failPassword;
        }

        AutoCloseable start(Path socket, Path scratchRoot) throws XenStoreException {
            this.root = scratchRoot;
            this.client = XenStoreConnector.open(Optional.of(socket));
            FakeAgent agent = new FakeAgent(client, this::answer);
            return () -> {
                agent.close();
                client.close();
            };
        }

        private Optional<String> answer(JsonNode req) {
            String value = req.get("value").asText();
            try {
                switch (req.get("name").asText()) {
                    case "version":
                        return FakeAgent.reply("0", "0.1.0-fake");
                    case "features":
                        return FakeAgent.reply("0", "version,features,keyinit,password,resetnetwork");
                    case "keyinit":
                        shared = new BigInteger(value).modPow(b, HostDiffieHellman.PRIME).toString();
                        return FakeAgent.reply("D0", HostDiffieHellman.GENERATOR.modPow(b, HostDiffieHellman.PRIME).toString());
                    case "password":
                        if (failPassword) {
                            return Optional.of("{\"message\": \"Failed to change password\", \"returncode\": 500}");
                        }
                        password = new String(Crypto.decrypt(value, shared, Crypto.Digest.MD5), StandardCharsets.UTF_8)
                                .strip();
                        Files.writeString(root.resolve("etc/shadow"),
                                "root:" + Sha512Crypt.crypt(password.getBytes(StandardCharsets.UTF_8), "$6$demosalt") + ":19800:0:99999:7:::\n");
                        return FakeAgent.reply("0", "");
                    case "resetnetwork":
                        List<String> keys = client.directory("vm-data/networking");
                        nicCounts.add(keys.size());
                        Files.writeString(root.resolve(root.resolve("etc/hostname")),
                                client.read("vm-data/hostname").orElse("none") + "\n");
                        Files.writeString(root.resolve("etc/nics"), String.join("\n", keys) + "\n");
                        return FakeAgent.reply("0", "");
                    default:
                        return FakeAgent.reply("404", "unknown");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                return FakeAgent.reply("500", "Invalid password data received");
            }
        }
    }
}
