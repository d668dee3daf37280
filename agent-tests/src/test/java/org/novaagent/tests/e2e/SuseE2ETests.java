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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.novaagent.testkit.RequiredTool;
import org.novaagent.tests.support.SuseRoot;

/**
 * resetnetwork from the host simulator through the real oxenstored to the real agent over openSUSE
 * scratch roots: Leap 15.6 with wicked (the written ifcfg files read back by bash as wicked's sysconfig
 * layer sources them, ifroute lines in wicked's four-field format) and Leap 16.0 with NetworkManager
 * (every written keyfile accepted by the real NetworkManager keyfile reader, {@code nmcli --offline}, the
 * installer's profile for eth0 taken over); each through first boot, attach, detach and an identical
 * repeat that changes no file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuseE2ETests {

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
    void leap15WickedThroughFirstBootAttachDetachAndRepeat() throws Exception {
        String bash = RequiredTool.require("bash", "sources ifcfg files as wicked's sysconfig layer does").toString();
        Path root = SuseRoot.leap15Wicked(dir.resolve("root-leap15"));
        Path net = root.resolve("etc/sysconfig/network");
        try (RunningAgent agent = RunningAgent.start(dir.resolve("agent-leap15"), stage.daemon().socketPath(), root)) {
            assertZero(sim.resetnetwork(spec(false)), agent);
            assertEquals("static|auto|104.130.4.72/24|2001:db8:104::72/64", source(bash, net.resolve("ifcfg-eth0"),
                    "$BOOTPROTO|$STARTMODE|$IPADDR|$IPADDR_1"));
            assertEquals("static|10.208.227.239/19", source(bash, net.resolve("ifcfg-eth1"), "$BOOTPROTO|$IPADDR"));
            assertEquals(List.of("10.208.0.0/12 10.208.224.1 - eth1", "10.176.0.0/12 10.208.224.1 - eth1"),
                    routes(net.resolve("ifroute-eth1")));
            assertTrue(routes(net.resolve("ifroute-eth0")).containsAll(List.of("default 104.130.4.1 - eth0", "default fe80::1 - eth0")));
            assertEquals("69.20.0.164 69.20.0.196", source(bash, net.resolve("config"), "$NETCONFIG_DNS_STATIC_SERVERS"));
            assertEquals(SuseRoot.IMAGE_IFCFG, Files.readString(root.resolve("var/lib/nova-agent/backup/etc/sysconfig/network/ifcfg-eth0")));
            assertTrue(Files.exists(net.resolve("ifcfg-lo")), "the loopback file is left alone");

            assertZero(sim.resetnetwork(spec(true)), agent);
            assertEquals("192.168.3.10/24", source(bash, net.resolve("ifcfg-eth2"), "$IPADDR"));
            assertZero(sim.resetnetwork(spec(false)), agent);
            assertFalse(Files.exists(net.resolve("ifcfg-eth2")), "detach removes eth2's file");
            assertRepeatChangesNothing(root, agent);
        }
    }

    @Test
    void leap16NetworkManagerThroughFirstBootAttachDetachAndRepeat() throws Exception {
        String nmcli = RequiredTool.require("nmcli", "validates NetworkManager keyfiles offline").toString();
        Path root = SuseRoot.leap16NetworkManager(dir.resolve("root-leap16"));
        Path conns = root.resolve("etc/NetworkManager/system-connections");
        try (RunningAgent agent = RunningAgent.start(dir.resolve("agent-leap16"), stage.daemon().socketPath(), root)) {
            assertZero(sim.resetnetwork(spec(false)), agent);
            assertEquals(List.of("nova-eth0.nmconnection", "nova-eth1.nmconnection"), names(conns));
            String eth0 = offline(nmcli, conns.resolve("nova-eth0.nmconnection"));
            assertTrue(eth0.contains("104.130.4.72/24") && eth0.contains("2001:db8:104::72/64")
                    && eth0.contains("mac-address=" + DemoNetwork.ETH0_MAC), eth0);
            String eth1 = offline(nmcli, conns.resolve("nova-eth1.nmconnection"));
            assertTrue(eth1.contains("10.208.227.239/19") && eth1.contains("10.176.0.0/12"), eth1);
            assertEquals(SuseRoot.INSTALLER_PROFILE, Files.readString(root.resolve(
                    "var/lib/nova-agent/backup/etc/NetworkManager/system-connections/Wired connection 1.nmconnection")));
            assertFalse(Files.exists(root.resolve("etc/sysconfig/network/ifcfg-eth0")), "no wicked file on Leap 16");

            assertZero(sim.resetnetwork(spec(true)), agent);
            assertTrue(offline(nmcli, conns.resolve("nova-eth2.nmconnection")).contains("192.168.3.10/24"));
            assertZero(sim.resetnetwork(spec(false)), agent);
            assertEquals(List.of("nova-eth0.nmconnection", "nova-eth1.nmconnection"), names(conns), "detach removes eth2's keyfile");
            assertRepeatChangesNothing(root, agent);
        }
    }

    private void assertRepeatChangesNothing(Path root, RunningAgent agent) throws Exception {
        Map<String, String> before = snapshot(root);
        Thread.sleep(20);
        assertZero(sim.resetnetwork(spec(false)), agent);
        assertEquals(before, snapshot(root), "an identical resetnetwork changed files\n" + agent.stderr());
    }

    /** @return {@code echo} of the expression after sourcing the file with {@code set -eu} */
    private static String source(String bash, Path file, String expression) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(bash, "-c", "set -eu; . \"$1\"; printf '%s' \"" + expression + "\"", bash, file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "sourcing " + file + ": " + out);
        return out;
    }

    private static List<String> routes(Path ifroute) throws IOException {
        return Files.readString(ifroute).lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** The real NetworkManager keyfile reader, offline: the normalised connection, or a failed assertion. */
    private static String offline(String nmcli, Path keyfile) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(nmcli, "--offline", "connection", "modify", "connection.autoconnect", "yes")
                .redirectErrorStream(true).start();
        p.getOutputStream().write(Files.readAllBytes(keyfile));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "nmcli rejected " + keyfile + ": " + out);
        return out;
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
        return new NetworkSpec(Optional.of("e2e-suse"), withThird ? List.of(pub, priv, third) : List.of(pub, priv));
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
