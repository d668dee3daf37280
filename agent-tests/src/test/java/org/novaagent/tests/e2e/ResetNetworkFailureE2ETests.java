/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.host.HostReply;
import org.novaagent.host.HostSimulator;
import org.novaagent.host.NetworkSpec;
import org.novaagent.host.NetworkSpec.Ip;
import org.novaagent.host.NetworkSpec.Nic;
import org.novaagent.host.demo.DemoNetwork;
import org.novaagent.host.demo.Distro;
import org.novaagent.host.demo.DistroRootBuilder;

/**
 * Issue #10 §1: a failed resetnetwork must look failed to nova, which accepts {@code "0"} and
 * {@code "500"} for it. The host simulator (judging exactly like nova's {@code _call_agent}) sends
 * resetnetwork through the real oxenstored to the real agent: bad network data, JSON nested beyond
 * the parser's limits (issue #19 finding 7) and a network file that cannot be written are each
 * answered with a code nova counts as failure ({@code "1"}), with a message naming the problem.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResetNetworkFailureE2ETests {

    @TempDir
    static Path dir;

    private XenStoreStage stage;
    private HostSimulator sim;
    private RunningAgent agent;
    private Path root;

    @BeforeAll
    void start() throws Exception {
        stage = XenStoreStage.start(dir, Duration.ofSeconds(30));
        sim = stage.sim();
        root = DistroRootBuilder.build(dir.resolve("root"), Distro.DEBIAN);
        agent = stage.startAgent(root);
    }

    @AfterAll
    void stop() {
        if (stage != null) {
            stage.close();
        }
    }

    @Test
    void badNetworkDataIsAFailureForNova() throws Exception {
        sim.writeNetwork(spec());
        stage.host().write(entry(), "{\"label\":\"public\",\"mac\":\"" + DemoNetwork.ETH0_MAC + "\","
                + "\"ips\":[{\"ip\":\"10.0.0.2\",\"netmask\":\"255.0.255.0\",\"enabled\":\"1\"}]}");
        HostReply reply = resetnetwork();
        assertFailureNaming(reply, "non-contiguous netmask");
    }

    @Test
    void jsonNestedBeyondTheParserLimitIsAFailureNamingTheKey() throws Exception {
        sim.writeNetwork(spec());
        String nested = "{\"ips\":" + "[".repeat(1500) + "]".repeat(1500) + "}";
        stage.host().write(entry(), nested);
        HostReply reply = resetnetwork();
        assertFailureNaming(reply, "vm-data/networking/" + spec().nics().get(0).xenstoreKey());
        assertFalse(reply.message().contains("Exception"), reply.toString());
    }

    @Test
    void aNetworkFileThatCannotBeWrittenIsAFailureForNova() throws Exception {
        Path target = root.resolve("etc/network/interfaces.d/50-nova-agent");
        Files.deleteIfExists(target);
        Files.createDirectories(target.resolve("in-the-way"));
        try {
            sim.writeNetwork(spec());
            HostReply reply = resetnetwork();
            assertFailureNaming(reply, "cannot");
            assertFalse(reply.message().contains(root.toString()), "the scratch root's path leaked: " + reply);
        } finally {
            Files.delete(target.resolve("in-the-way"));
            Files.delete(target);
        }
        HostReply fixed = sim.resetnetwork(spec());
        assertTrue(fixed.isSuccessFor("resetnetwork") && "0".equals(fixed.returnCode()), fixed + "\n" + agent.stderr());
    }

    private HostReply resetnetwork() throws Exception {
        return sim.call("resetnetwork", "", Duration.ofSeconds(30));
    }

    private void assertFailureNaming(HostReply reply, String text) {
        assertFalse(reply.isSuccessFor("resetnetwork"), "nova would count this as success: " + reply + "\n" + agent.stderr());
        assertEquals("1", reply.returnCode(), reply.toString());
        assertTrue(reply.message().contains(text), reply + " should name " + text);
        assertTrue(agent.process().isAlive(), agent.stderr());
    }

    private String entry() {
        return stage.domain() + "/vm-data/networking/" + spec().nics().get(0).xenstoreKey();
    }

    private static NetworkSpec spec() {
        Nic pub = new Nic("public", DemoNetwork.ETH0_MAC,
                List.of(new Ip("104.130.4.72", 24, Optional.of("104.130.4.1"))), List.of(), List.of(),
                List.of("69.20.0.164"));
        return new NetworkSpec(Optional.of("e2e-failure"), List.of(pub));
    }
}
