/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
import org.novaagent.host.NetworkSpec.RouteSpec;
import org.novaagent.host.demo.DemoNetwork;
import org.novaagent.plugin.network.gentoo.testkit.NetifrcPlan;
import org.novaagent.testkit.RequiredTool;
import org.novaagent.tests.support.GentooRoot;

/**
 * resetnetwork from the host simulator through the real oxenstored to the real agent over a Gentoo
 * (OpenRC, netifrc) scratch root: first boot with two NICs, attach, detach and an identical repeat
 * that changes no file. After each step the written {@code conf.d/net} is read by bash the way netifrc's
 * net.lo reads it ({@code NetifrcPlan}): exactly our addresses, routes (IPv6 with {@code -6}) and DNS per
 * NIC, the image's eth0 DHCP gone, its MTU kept, and a NIC we do not configure still on DHCP. The
 * {@code net.<if>} service commands the agent would run on a live system are in its log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GentooE2ETests {

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

    @Test
    void netifrcThroughFirstBootAttachDetachAndRepeat() throws Exception {
        String bash = RequiredTool.require("bash", "reads conf.d/net as OpenRC does on Gentoo").toString();
        Path root = GentooRoot.build(dir.resolve("root-gentoo"));
        try (RunningAgent agent = RunningAgent.start(dir.resolve("agent-gentoo"), stage.daemon().socketPath(), root)) {
            assertZero(sim.resetnetwork(spec(false)), agent);
            List<String> eth0 = List.of("[eth0]", "addr 104.130.4.72/24", "addr 2001:db8:104::72/64",
                    "route any -net default via 104.130.4.1", "route -6 -net default via fe80::1", "dns 69.20.0.164", "dns 69.20.0.196");
            List<String> eth1 = List.of("[eth1]", "addr 10.208.227.239/19", "route any -net 10.208.0.0/12 via 10.208.224.1",
                    "route any -net 10.176.0.0/12 via 10.208.224.1");
            List<String> dhcp2 = List.of("[eth2]", "module dhcp");
            assertEquals(concat(eth0, eth1, dhcp2), plan(bash, root), agent.stderr());
            String net = Files.readString(root.resolve("etc/conf.d/net"));
            assertTrue(net.contains("# disabled by nova-agent: config_eth0=\"dhcp\"\nmtu_eth0=\"1500\"\n"), net);
            assertEquals(GentooRoot.IMAGE_CONF_NET, Files.readString(root.resolve("var/lib/nova-agent/backup/etc/conf.d/net")));
            assertEquals("e2e-gentoo", Files.readString(root.resolve("etc/hostname")).strip());
            assertTrue(agent.stderr().contains("rc-service net.eth1 restart") && agent.stderr().contains("ln -sn net.lo /etc/init.d/net.eth1"),
                    agent.stderr());

            assertZero(sim.resetnetwork(spec(true)), agent);
            assertEquals(concat(eth0, eth1, List.of("[eth2]", "addr 192.168.3.10/24")), plan(bash, root));

            assertZero(sim.resetnetwork(spec(false)), agent);
            assertEquals(concat(eth0, eth1, dhcp2), plan(bash, root), "detach gives eth2 back to netifrc's default");
            assertTrue(agent.awaitLog("rc-service --ifexists net.eth2 stop", 1, 5000), agent.stderr());

            Map<String, String> before = snapshot(root);
            Thread.sleep(20);
            assertZero(sim.resetnetwork(spec(false)), agent);
            assertEquals(before, snapshot(root), "an identical resetnetwork changed files\n" + agent.stderr());
            assertFalse(Files.readString(root.resolve("etc/conf.d/net")).contains("192.168.3.10"));
        }
    }

    private static List<String> plan(String bash, Path root) throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory(dir, "plan");
        List<String> out = NetifrcPlan.read(bash, root.resolve("etc/conf.d/net"), List.of("eth0", "eth1", "eth2"), scratch);
        String mtu = new String(new ProcessBuilder(bash, "-c", ". \"$1\"; printf %s \"$mtu_eth0\"", bash,
                root.resolve("etc/conf.d/net").toString()).start().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("1500", mtu, "the image's MTU is kept");
        return out;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).toList();
    }

    /** The worked example (public with IPv4+IPv6+DNS, private with two routes), plus eth2 when asked. */
    private static NetworkSpec spec(boolean withThird) {
        Nic pub = new Nic("public", DemoNetwork.ETH0_MAC, List.of(new Ip("104.130.4.72", 24, Optional.of("104.130.4.1"))),
                List.of(new Ip("2001:db8:104::72", 64, Optional.of("fe80::1"))), List.of(), List.of("69.20.0.164", "69.20.0.196"));
        Optional<String> via = Optional.of("10.208.224.1");
        Nic priv = new Nic("private", DemoNetwork.ETH1_MAC, List.of(new Ip("10.208.227.239", 19, Optional.empty())), List.of(),
                List.of(new RouteSpec("10.208.0.0/12", via), new RouteSpec("10.176.0.0/12", via)), List.of());
        Nic third = new Nic("e2e-net", DemoNetwork.ETH2_MAC, List.of(new Ip("192.168.3.10", 24, Optional.empty())),
                List.of(), List.of(), List.of());
        return new NetworkSpec(Optional.of("e2e-gentoo"), withThird ? List.of(pub, priv, third) : List.of(pub, priv));
    }

    private static void assertZero(HostReply reply, RunningAgent agent) {
        assertEquals("0", reply.returnCode(), reply + "\n" + agent.stderr());
    }

    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (Path f : RootSnapshot.filesOutsideJournal(root).stream().filter(Files::isRegularFile).toList()) {
            files.put(root.relativize(f).toString(),
                    Files.getLastModifiedTime(f).toMillis() + " " + Files.readString(f, StandardCharsets.ISO_8859_1));
        }
        return files;
    }
}
