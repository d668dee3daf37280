/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Drives {@link HostSimulator} against a fake agent thread on an in-memory XenStore. */
class HostSimulatorTests {

    private static final String DOM = "/local/domain/7";

    private final FakeXenStore store = new FakeXenStore();
    private final FakeXenStore.Client hostClient = store.connect("/local/domain/0");
    private FakeAgent agent;

    @AfterEach
    void stop() throws InterruptedException {
        if (agent != null) {
            agent.close();
        }
    }

    private HostSimulator host(Function<JsonNode, Optional<String>> responder) {
        agent = new FakeAgent(store.connect(DOM), responder);
        HostSimulator host = new HostSimulator(hostClient, DOM, 80);
        host.setDefaultTimeout(Duration.ofSeconds(5));
        return host;
    }

    @Test
    void versionWritesNovaRequestAndReadsReply() throws Exception {
        HostSimulator host = host(req -> FakeAgent.reply("0", "1.2.3"));
        HostReply reply = host.version();
        assertTrue(reply.isSuccess());
        assertEquals("1.2.3", reply.message());
        assertEquals(List.of("{\"name\": \"version\", \"value\": \"agent\"}"), agent.rawRequests());
        String key = store.snapshot().keySet().stream().filter(k -> k.startsWith(DOM + "/data/guest/")).findFirst().orElseThrow();
        assertTrue(key.substring(key.lastIndexOf('/') + 1)
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), key);
    }

    @Test
    void timeoutDeletesRequest() throws Exception {
        HostSimulator host = host(req -> Optional.empty());
        HostReply reply = host.call("features", "", Duration.ofMillis(700));
        assertTrue(reply.isTimeout());
        assertFalse(reply.isSuccess());
        assertTrue(reply.latency().toMillis() >= 700);
        assertEquals("No response from agent within 0 seconds.", reply.message());
        assertTrue(store.snapshot().keySet().stream().noneMatch(k -> k.contains("/data/host/")));
    }

    @Test
    void successRulesCompareStringsLikeNova() throws Exception {
        AtomicReference<String> next = new AtomicReference<>();
        HostSimulator host = host(req -> Optional.of(next.get()));
        next.set("{\"message\": \"boom\", \"returncode\": 500}");
        HostReply intCode = host.call("resetnetwork", "", Duration.ofSeconds(5));
        assertFalse(intCode.isSuccess());
        assertFalse(intCode.isResetNetworkSuccess());
        assertEquals("500", intCode.returnCode());
        next.set("{\"returncode\": \"500\", \"message\": \"\"}");
        HostReply strCode = host.call("resetnetwork", "", Duration.ofSeconds(5));
        assertTrue(strCode.isResetNetworkSuccess());
        assertFalse(strCode.isSuccess());
        next.set("{\"returncode\": \"D0\", \"message\": \"x\"}");
        assertFalse(host.call("version", "agent", Duration.ofSeconds(5)).isSuccess());
        next.set("not json");
        assertEquals(HostReply.MALFORMED, host.call("version", "agent", Duration.ofSeconds(5)).returnCode());
        next.set("{\"returncode\":\"0\",\"message\":\"version,password\\\\r\\\\n\"}");
        assertEquals("version,password", host.call("features", "", Duration.ofSeconds(5)).message());
    }

    @Test
    void pollingFallbackWithoutWatch() throws Exception {
        hostClient.failWatch = true;
        HostSimulator host = host(req -> FakeAgent.reply("0", ""));
        assertTrue(host.features().isSuccess());
    }

    @Test
    void keyinitAndPasswordRoundTrip() throws Exception {
        for (Crypto.Digest digest : Crypto.Digest.values()) {
            AtomicReference<String> received = new AtomicReference<>();
            HostSimulator host = host(new DhAgent(received, digest));
            HostReply k = host.keyinit();
            assertTrue(k.isKeyInitSuccess(), k.toString());
            assertTrue(host.password("hunter2 ü", digest).isSuccess());
            assertEquals("hunter2 ü\n", received.get());
            agent.close();
        }
    }

    @Test
    void passwordNeedsKeyinit() throws Exception {
        HostSimulator host = host(req -> FakeAgent.reply("1", "no"));
        assertFalse(host.keyinit().isKeyInitSuccess());
        assertThrows(IllegalStateException.class, () -> host.password("x", Crypto.Digest.MD5));
    }

    @Test
    void injectfileEncodesPathCommaContents() throws Exception {
        HostSimulator host = host(req -> FakeAgent.reply("0", ""));
        assertTrue(host.injectfile("/etc/motd", "a,b\n".getBytes(StandardCharsets.UTF_8)).isSuccess());
        JsonNode req = new com.fasterxml.jackson.databind.ObjectMapper().readTree(agent.rawRequests().get(0));
        assertEquals("/etc/motd,a,b\n", new String(Base64.getDecoder().decode(req.get("value").asText()),
                StandardCharsets.UTF_8));
    }

    @Test
    void kmsactivateSendsJsonObject() throws Exception {
        HostSimulator host = host(req -> FakeAgent.reply("0", ""));
        host.kmsactivate(Map.of("profile", "p"));
        assertEquals("{\"name\": \"kmsactivate\", \"value\": {\"profile\": \"p\"}}", agent.rawRequests().get(0));
    }

    /** An agent side of the DH exchange and password decryption. */
    static final class DhAgent implements Function<JsonNode, Optional<String>> {
        private final AtomicReference<String> received;
        private final Crypto.Digest digest;
        private final BigInteger b = new BigInteger(128, new java.security.SecureRandom());
        private String shared;

        DhAgent(AtomicReference<String> received, Crypto.Digest digest) {
            this.received = received;
            this.digest = digest;
        }

        @Override
        public Optional<String> apply(JsonNode req) {
            String value = req.get("value").asText();
            switch (req.get("name").asText()) {
                case "keyinit" -> {
                    shared = new BigInteger(value).modPow(b, HostDiffieHellman.PRIME).toString();
                    return FakeAgent.reply("D0", HostDiffieHellman.GENERATOR.modPow(b, HostDiffieHellman.PRIME) + "");
                }
                case "password" -> {
                    try {
                        received.set(new String(Crypto.decrypt(value, shared, digest), StandardCharsets.UTF_8));
                        return FakeAgent.reply("0", "");
                    } catch (java.security.GeneralSecurityException e) {
                        return FakeAgent.reply("500", "bad");
                    }
                }
                default -> {
                    return FakeAgent.reply("404", "unknown");
                }
            }
        }
    }
}
