/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.novaagent.host.HostReply;
import org.novaagent.host.NetworkSpec;
import org.novaagent.host.NetworkSpec.Ip;
import org.novaagent.host.NetworkSpec.Nic;
import org.novaagent.host.NetworkSpec.RouteSpec;
import org.novaagent.host.demo.DemoNetwork;
import org.novaagent.host.demo.Distro;
import org.novaagent.host.demo.DistroRootBuilder;
import org.novaagent.testkit.Exec;
import org.novaagent.testkit.RequiredTool;

/**
 * resetnetwork through the real oxenstored, judged by the host simulator like nova, into Debian
 * (ifupdown), Ubuntu (netplan) and RHEL 9 (ifcfg + NetworkManager) roots that hold nova-agent 2.x's
 * real output files, or cloud-init's real network files: each ends with exactly our configuration
 * as the real tools see it ({@code netplan generate}, {@code ifquery}/{@code ifup --no-act}, bash
 * sourcing), and {@code restore-network-config} then gives cloud-init's files back byte for byte. The
 * real files come from network-common's {@code src/test/resources/foreign/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TakeoverE2ETests {

    private static final Path RESTORE = Path.of("../dist/linux-root/usr/lib/nova-agent/restore-network-config");
    /** network-common's test resources (its README names the sources); read in place, not through its test-jar. */
    private static final Path FOREIGN = Path.of("../plugins/network-common/src/test/resources/foreign");
    private static final String SCRIPTS = "etc/sysconfig/network-scripts/";
    private static final String NM = "etc/NetworkManager/system-connections/";

    @TempDir
    static Path dir;

    private XenStoreStage stage;

    @BeforeAll
    void start() throws Exception {
        stage = XenStoreStage.start(dir, Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() {
        if (stage != null) {
            stage.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Distro.class, names = {"DEBIAN", "UBUNTU", "RHEL"})
    void nova2xOutputEndsAsExactlyOurConfiguration(Distro distro) throws Exception {
        Path root = DistroRootBuilder.build(dir.resolve("2x-" + distro.id()), distro);
        switch (distro) {
            case DEBIAN -> install(root, "nova-agent-2x/interfaces", "etc/network/interfaces");
            case UBUNTU -> {
                Files.delete(root.resolve("etc/netplan/50-cloud-init.yaml"));
                private600(install(root, "nova-agent-2x/rackspace-cloud.ubuntu.yaml",
                        "etc/netplan/rackspace-cloud.yaml"));
            }
            default -> {
                for (String f : List.of("ifcfg-eth0", "ifcfg-eth1", "route-eth1")) {
                    install(root, "nova-agent-2x/" + f, SCRIPTS + f);
                }
                install(root, "nova-agent-2x/network", "etc/sysconfig/network");
            }
        }
        resetnetwork(root, "2x-" + distro.id());
        assertOnlyOurs(root, distro);
        switch (distro) {
            case UBUNTU -> assertFalse(Files.exists(root.resolve("etc/netplan/rackspace-cloud.yaml")));
            case RHEL -> {
                String network = Files.readString(root.resolve("etc/sysconfig/network"));
                assertTrue(network.contains("NOZEROCONF=yes") && network.contains("NETWORKING_IPV6=yes")
                        && network.contains("HOSTNAME=e2e-takeover") && !network.contains("test_hostname"), network);
            }
            default -> { }
        }
        assertTrue(Files.exists(root.resolve("var/lib/nova-agent/backup")), "2.x's files are backed up");
        assertFalse(Files.exists(root.resolve("var/lib/nova-agent/backup/taken-over")), "but never restored");
    }

    @ParameterizedTest
    @EnumSource(value = Distro.class, names = {"DEBIAN", "UBUNTU", "RHEL"})
    void cloudInitFilesEndAsExactlyOurConfigurationAndComeBackOnRestore(Distro distro) throws Exception {
        Path root = DistroRootBuilder.build(dir.resolve("ci-" + distro.id()), distro);
        Files.createDirectories(root.resolve("etc/cloud/cloud.cfg.d"));
        List<String[]> installed = new ArrayList<>();
        switch (distro) {
            case DEBIAN -> installed.add(new String[] {"cloud-init/50-cloud-init", "etc/network/interfaces.d/50-cloud-init"});
            case UBUNTU -> installed.add(new String[] {"cloud-init/50-cloud-init.yaml", "etc/netplan/50-cloud-init.yaml"});
            default -> {
                installed.add(new String[] {"cloud-init/ifcfg-eth0", SCRIPTS + "ifcfg-eth0"});
                installed.add(new String[] {"cloud-init/cloud-init-eth0.nmconnection", NM + "cloud-init-eth0.nmconnection"});
            }
        }
        for (String[] f : installed) {
            private600(install(root, f[0], f[1]));
        }
        resetnetwork(root, "ci-" + distro.id());
        assertOnlyOurs(root, distro);
        assertTrue(Files.readString(root.resolve("etc/cloud/cloud.cfg.d/99-nova-agent-network.cfg"))
                .contains("network: {config: disabled}"), "cloud-init is told not to write network config again");

        Exec.Result restore = Exec.run("sh", RESTORE.toString(), root.toString());
        assertEquals(0, restore.code(), restore.output());
        for (String[] f : installed) {
            assertEquals(text(f[0]), Files.readString(root.resolve(f[1])), "restored " + f[1]);
            assertTrue(restore.output().contains("restored /" + f[1]), restore.output());
        }
        assertFalse(Files.exists(root.resolve("etc/cloud/cloud.cfg.d/99-nova-agent-network.cfg")));
        Exec.Result again = Exec.run("sh", RESTORE.toString(), root.toString());
        assertEquals(0, again.code(), again.output());
        assertFalse(again.output().contains("restored"), "a second restore does nothing: " + again.output());
    }

    @org.junit.jupiter.api.Test
    void cliDryRunShowsTheTakeoverInItsDiffAndChangesNothing() throws Exception {
        Path root = DistroRootBuilder.build(dir.resolve("dry-ubuntu"), Distro.UBUNTU);
        private600(install(root, "nova-agent-2x/rackspace-cloud.ubuntu.yaml", "etc/netplan/rackspace-cloud.yaml"));
        private600(install(root, "cloud-init/50-cloud-init.yaml", "etc/netplan/50-cloud-init.yaml"));
        stage.sim().writeNetwork(spec());
        String[] run = RunningAgent.runArgs(Files.createDirectories(dir.resolve("agent-dry")), stage.daemon().socketPath(), root);
        List<String> args = new ArrayList<>(List.of("resetnetwork", "--dry-run"));
        args.addAll(List.of(run).subList(1, run.length));
        org.novaagent.tests.support.AgentProcess.Result r = org.novaagent.tests.support.AgentProcess.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.toString());
        for (String expected : List.of("--- a/etc/netplan/rackspace-cloud.yaml", "-      - 104.130.169.159/24",
                "+# disabled by nova-agent:         eth0:", "# keep a copy of the original: var/lib/nova-agent/backup/taken-over/",
                "+        - 104.130.4.72/24", "# would run: netplan apply")) {
            assertTrue(r.stdout().contains(expected), expected + " missing:\n" + r.stdout());
        }
        assertEquals(text("nova-agent-2x/rackspace-cloud.ubuntu.yaml"),
                Files.readString(root.resolve("etc/netplan/rackspace-cloud.yaml")), "a dry run changes nothing");
        assertEquals(text("cloud-init/50-cloud-init.yaml"), Files.readString(root.resolve("etc/netplan/50-cloud-init.yaml")));
        assertFalse(Files.exists(root.resolve("var/lib/nova-agent")));
    }

    private void resetnetwork(Path root, String name) throws Exception {
        try (RunningAgent agent = RunningAgent.start(dir.resolve("agent-" + name), stage.daemon().socketPath(), root)) {
            HostReply reply = stage.sim().resetnetwork(spec());
            assertEquals("0", reply.returnCode(), reply + "\n" + agent.stderr());
            assertTrue(reply.isSuccess(), reply.toString());
            assertTrue(agent.stderr().contains("taking over"), agent.stderr());
        }
    }

    /** What the distro's real tool makes of the root: only our addresses, routes and DNS for eth0 and eth1. */
    private static void assertOnlyOurs(Path root, Distro distro) throws Exception {
        switch (distro) {
            case UBUNTU -> NetplanCheck.assertOnlyOurs(root);
            case DEBIAN -> EniCheck.assertOnlyOurs(root);
            default -> IfcfgCheck.assertOnlyOurs(root);
        }
    }

    static NetworkSpec spec() {
        Nic pub = new Nic("public", DemoNetwork.ETH0_MAC,
                List.of(new Ip("104.130.4.72", 24, Optional.of("104.130.4.1"))),
                List.of(new Ip("2001:db8:104::72", 64, Optional.of("fe80::1"))),
                List.of(), List.of("69.20.0.164", "69.20.0.196"));
        Optional<String> via = Optional.of("10.208.224.1");
        Nic priv = new Nic("private", DemoNetwork.ETH1_MAC,
                List.of(new Ip("10.208.227.239", 19, Optional.empty())), List.of(),
                List.of(new RouteSpec("10.208.0.0/12", via), new RouteSpec("10.176.0.0/12", via)), List.of());
        return new NetworkSpec(Optional.of("e2e-takeover"), List.of(pub, priv));
    }

    private static String text(String fixture) throws IOException {
        return Files.readString(FOREIGN.resolve(fixture));
    }

    private static Path install(Path root, String fixture, String relative) throws IOException {
        Path to = root.resolve(relative);
        Files.createDirectories(to.getParent());
        return Files.writeString(to, text(fixture));
    }

    private static void private600(Path p) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
    }

    /** netplan generate over the root: the networkd files carry exactly our configuration. */
    static final class NetplanCheck {
        static void assertOnlyOurs(Path root) throws Exception {
            Path netplan = RequiredTool.require("netplan", "reads the taken-over netplan directory");
            Exec.Result r = Exec.run(netplan.toString(), "generate", "--root-dir", root.toString());
            assertEquals(0, r.code(), r.output());
            Path run = root.resolve("run/systemd/network");
            try (Stream<Path> files = Files.list(run)) {
                assertEquals(List.of("10-netplan-eth0.network", "10-netplan-eth1.network"), files.map(f -> f.getFileName()
                        .toString()).filter(f -> f.endsWith(".network")).sorted().toList());
            }
            String eth0 = Files.readString(run.resolve("10-netplan-eth0.network"));
            assertEquals(List.of("Address=104.130.4.72/24", "Address=2001:db8:104::72/64", "DNS=69.20.0.164",
                    "DNS=69.20.0.196", "Gateway=104.130.4.1", "Gateway=fe80::1"), keyLines(eth0), eth0);
            assertFalse(eth0.contains("DHCP"), eth0);
            String eth1 = Files.readString(run.resolve("10-netplan-eth1.network"));
            assertEquals(List.of("Address=10.208.227.239/19", "Gateway=10.208.224.1", "Gateway=10.208.224.1"),
                    keyLines(eth1), eth1);
        }

        private static List<String> keyLines(String networkd) {
            return networkd.lines().filter(l -> l.startsWith("Address=") || l.startsWith("DNS=") || l.startsWith("Gateway="))
                    .sorted().toList();
        }
    }

    /** ifupdown over the main file with its interfaces.d source line inlined. */
    static final class EniCheck {
        static void assertOnlyOurs(Path root) throws Exception {
            StringBuilder effective = new StringBuilder();
            for (String line : Files.readString(root.resolve("etc/network/interfaces")).lines().toList()) {
                if (line.strip().equals("source /etc/network/interfaces.d/*")) {
                    try (Stream<Path> files = Files.list(root.resolve("etc/network/interfaces.d"))) {
                        for (Path f : files.sorted().toList()) {
                            effective.append(Files.readString(f)).append('\n');
                        }
                    }
                } else {
                    effective.append(line).append('\n');
                }
            }
            Path file = Files.writeString(root.resolve("../" + root.getFileName() + "-effective"), effective);
            String ifquery = RequiredTool.require("ifquery", "reads the taken-over interfaces").toString();
            Exec.Result list = Exec.run(ifquery, "-i", file.toString(), "-l");
            assertEquals(0, list.code(), list.output());
            assertEquals(List.of("lo", "eth0", "eth1"), list.output().lines().toList(), effective.toString());
            Exec.Result eth0 = Exec.run(ifquery, "-i", file.toString(), "eth0");
            assertEquals(List.of("address: 104.130.4.72", "address: 2001:db8:104::72"), eth0.output().lines().filter(l -> l.startsWith("address:")).toList(),
                    eth0.output());
            String ifup = RequiredTool.require("ifup", "dry-runs the taken-over interfaces").toString();
            Path state = Files.createDirectories(root.resolve("../" + root.getFileName() + "-state"));
            for (String nic : List.of("eth0", "eth1")) {
                Exec.Result dry = Exec.run(ifup, "--no-act", "-v", "-i", file.toString(), "--state-dir=" + state, nic);
                assertEquals(0, dry.code(), dry.output());
                assertFalse(dry.output().contains("dhclient") || dry.output().contains("104.130.4.73")
                        || dry.output().contains("route add -net"), dry.output());
            }
        }
    }

    /** bash sources every ifcfg file left: one per NIC, ours; no keyfile binds our NICs. */
    static final class IfcfgCheck {
        static void assertOnlyOurs(Path root) throws Exception {
            String bash = RequiredTool.require("bash", "sources ifcfg files like network-scripts").toString();
            List<String> devices = new ArrayList<>();
            try (Stream<Path> files = Files.list(root.resolve(SCRIPTS))) {
                for (Path f : files.filter(p -> p.getFileName().toString().startsWith("ifcfg-")).sorted().toList()) {
                    Exec.Result r = Exec.run("env", "-i", bash, "-c",
                            "set -eu; . \"$1\"; printf '%s %s %s\\n' \"${DEVICE:-}\" \"${IPADDR:-}\" \"${BOOTPROTO:-}\"",
                            "sh", f.toString());
                    assertEquals(0, r.code(), f + ": " + r.output());
                    devices.add(r.output().strip());
                }
            }
            assertEquals(List.of("eth0 104.130.4.72 none", "eth1 10.208.227.239 none"), devices);
            String route = Files.readString(root.resolve(SCRIPTS + "route-eth1"));
            assertTrue(route.contains("10.208.0.0/12 via 10.208.224.1 dev eth1") && !route.contains("ADDRESS0="), route);
            try (Stream<Path> files = Files.list(root.resolve(NM))) {
                assertEquals(List.of(), files.map(p -> p.getFileName().toString()).toList(), "no other profile for eth0");
            }
        }
    }
}
