/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** nova's first-boot order through {@link HostSimulator#boot}. */
class BootSequenceTests {

    private static final NetworkSpec NET = NetworkSpecReader.parse(
            "{\"nics\": [{\"label\": \"public\", \"mac\": \"BC:76:4E:20:75:72\", \"ipv4\": [{\"address\": \"192.0.2.2/24\"}]}]}");

    private final FakeXenStore store = new FakeXenStore();

    private HostSimulator host() {
        HostSimulator host = new HostSimulator(store.connect("/local/domain/0"), "/local/domain/0", 80);
        host.setDefaultTimeout(Duration.ofMillis(600));
        return host;
    }

    @Test
    void fullOrderWithVersionRetriedUntilAgentStarts() throws Exception {
        long start = System.currentTimeMillis();
        try (FakeAgent agent = new FakeAgent(store.connect("/local/domain/0"), req -> {
            if (System.currentTimeMillis() - start < 900) {
                return Optional.empty();
            }
            return switch (req.get("name").asText()) {
                case "keyinit" -> FakeAgent.reply("D0", "12345");
                case "resetnetwork" -> FakeAgent.reply("500", "old FreeBSD agent");
                default -> FakeAgent.reply("0", "");
            };
        })) {
            List<StepReport> steps = host().boot(new BootPlan(Duration.ofSeconds(10), Optional.of("ssh-ed25519 AAAA k"),
                    Optional.of("pw"), Crypto.Digest.MD5, Optional.of(NET)));
            assertEquals(List.of("version", "injectfile /root/.ssh/authorized_keys", "keyinit", "password", "resetnetwork"),
                    steps.stream().map(StepReport::name).toList());
            assertTrue(steps.stream().allMatch(StepReport::ok), steps.toString());
            assertTrue(steps.get(0).latency().toMillis() >= 900);
            long versions = agent.rawRequests().stream().filter(r -> r.contains("\"version\"")).count();
            assertTrue(versions >= 2, "version must be re-sent: " + versions);
        }
    }

    @Test
    void failedKeyinitSkipsPassword() throws Exception {
        try (FakeAgent agent = new FakeAgent(store.connect("/local/domain/0"),
                req -> "keyinit".equals(req.get("name").asText()) ? FakeAgent.reply("1", "no DH")
                        : FakeAgent.reply("0", ""))) {
            List<StepReport> steps = host().boot(new BootPlan(Duration.ofSeconds(5), Optional.empty(),
                    Optional.of("pw"), Crypto.Digest.MD5, Optional.of(NET)));
            assertEquals(List.of("version", "keyinit", "resetnetwork"), steps.stream().map(StepReport::name).toList());
            assertFalse(steps.get(1).ok());
            assertTrue(agent.rawRequests().stream().noneMatch(r -> r.contains("\"password\"")));
        }
    }

    @Test
    void noVersionAnswerSkipsEverything() throws Exception {
        try (FakeAgent agent = new FakeAgent(store.connect("/local/domain/0"), req -> Optional.empty())) {
            List<StepReport> steps = host().boot(BootPlan.networkOnly(NET).withVersionTimeout(Duration.ofMillis(1500)));
            assertEquals(1, steps.size());
            assertTrue(steps.get(0).reply().isTimeout());
            assertFalse(steps.get(0).ok());
        }
    }
}
