/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.novaagent.host.HostReply;
import org.novaagent.host.HostSimulator;
import org.novaagent.host.NetworkSpec;
import org.novaagent.host.NetworkSpec.Ip;
import org.novaagent.host.NetworkSpec.Nic;
import org.novaagent.host.demo.DemoNetwork;
import org.novaagent.host.demo.Distro;
import org.novaagent.host.demo.DistroRootBuilder;
import org.novaagent.testkit.Exec;
import org.novaagent.testkit.RequiredTool;

/**
 * Hostnames and labels nova really writes, from the host simulator through the real oxenstored to
 * the real agent. Issue #10 §2: a rescue boot ({@code RESCUE-} + a 60-character name, 67 in all)
 * and a display name with an underscore and non-ASCII letters still get the network on every
 * distro; the reply is {@code "0"} naming the adjusted hostname, which is what {@code etc/hostname}
 * holds. Issue #19 finding 3: a label carrying U+2028 line breaks adds no interface to the
 * netplan file, as the real {@code netplan generate} reads it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostnameE2ETests {

    private static final String LONG_NAME = "payments-api-production-worker-in-region-iad3-number-0000042";
    private static final String RESCUED = "RESCUE-" + LONG_NAME.substring(0, 56);

    @TempDir
    static Path dir;

    private XenStoreStage stage;
    private HostSimulator sim;

    @BeforeAll
    void start() throws Exception {
        stage = XenStoreStage.start(dir, Duration.ofSeconds(30));
        sim = stage.sim();
    }

    @AfterAll
    void stop() {
        if (stage != null) {
            stage.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Distro.class)
    void aRescueHostnameStillGetsTheNetwork(Distro distro) throws Exception {
        assertEquals(60, LONG_NAME.length());
        Path root = DistroRootBuilder.build(dir.resolve("rescue-" + distro.id()), distro);
        try (RunningAgent agent = RunningAgent.start(dir.resolve("agent-" + distro.id()), stage.daemon().socketPath(), root)) {
            NetworkSpec rescue = spec(LONG_NAME, "public").inRescue();
            assertEquals(Optional.of("RESCUE-" + LONG_NAME), rescue.hostname());
            HostReply reply = sim.resetnetwork(rescue);
            assertTrue(reply.isSuccessFor("resetnetwork") && "0".equals(reply.returnCode()), reply + "\n" + agent.stderr());
            assertTrue(reply.message().contains("hostname set to '" + RESCUED + "'")
                    && reply.message().contains("labels cut to 63 characters"), reply.toString());
            assertEquals(RESCUED + "\n", Files.readString(root.resolve("etc/hostname")));
            String network = networkFile(root, distro);
            assertTrue(network.contains("104.130.4.72") && network.contains("104.130.4.1"), distro + ":\n" + network);

            HostReply odd = sim.resetnetwork(spec("Café_Zürich", "public"));
            assertTrue("0".equals(odd.returnCode()) && odd.message().contains("hostname set to 'Cafe-Zurich'"), odd.toString());
            assertEquals("Cafe-Zurich\n", Files.readString(root.resolve("etc/hostname")));
            assertTrue(agent.process().isAlive(), agent.stderr());
        }
    }

    @Test
    void aLabelWithUnicodeLineBreaksAddsNoInterface() throws Exception {
        Path netplan = RequiredTool.require("netplan", "reads the YAML the agent wrote");
        Path root = DistroRootBuilder.build(dir.resolve("label-ubuntu"), Distro.UBUNTU);
        String label = "public\u2028    evil0:\u2028      match: {name: eth1}\u2028      dhcp4: true\u2028    #";
        try (RunningAgent agent = RunningAgent.start(dir.resolve("agent-label"), stage.daemon().socketPath(), root)) {
            HostReply reply = sim.resetnetwork(spec("web01", label));
            assertEquals("0", reply.returnCode(), reply + "\n" + agent.stderr());
        }
        String yaml = Files.readString(root.resolve("etc/netplan/50-nova-agent.yaml"), StandardCharsets.UTF_8);
        assertTrue(yaml.chars().allMatch(c -> c == '\n' || c >= 0x20 && c < 0x7f), yaml);
        Path check = dir.resolve("label-check");
        Path copy = Files.createDirectories(check.resolve("etc/netplan")).resolve("50-nova-agent.yaml");
        Files.writeString(copy, yaml);
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
        Exec.Result generate = Exec.run(netplan.toString(), "generate", "--root-dir", check.toString());
        assertEquals(0, generate.code(), generate.output());
        try (Stream<Path> files = Files.list(check.resolve("run/systemd/network"))) {
            assertEquals(List.of("10-netplan-eth0.network"), files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".network")).sorted().toList(), yaml);
        }
        assertFalse(Files.readString(check.resolve("run/systemd/network/10-netplan-eth0.network")).contains("DHCP="));
    }

    private static NetworkSpec spec(String hostname, String label) {
        Nic pub = new Nic(label, DemoNetwork.ETH0_MAC, List.of(new Ip("104.130.4.72", 24, Optional.of("104.130.4.1"))),
                List.of(), List.of(), List.of("69.20.0.164"));
        return new NetworkSpec(Optional.of(hostname), List.of(pub));
    }

    private static String networkFile(Path root, Distro distro) throws Exception {
        return Files.readString(root.resolve(switch (distro) {
            case DEBIAN -> "etc/network/interfaces.d/50-nova-agent";
            case UBUNTU -> "etc/netplan/50-nova-agent.yaml";
            case ALPINE -> "etc/network/interfaces";
            case ARCH -> "etc/systemd/network/05-nova-agent-eth0.network";
            case RHEL -> "etc/sysconfig/network-scripts/ifcfg-eth0";
        }));
    }
}
