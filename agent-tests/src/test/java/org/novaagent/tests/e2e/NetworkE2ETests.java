/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.novaagent.host.HostReply;
import org.novaagent.host.HostSimulator;
import org.novaagent.host.NetworkSpec;
import org.novaagent.host.NetworkSpec.Ip;
import org.novaagent.host.NetworkSpec.Nic;
import org.novaagent.host.NetworkSpec.RouteSpec;
import org.novaagent.host.demo.DemoNetwork;
import org.novaagent.host.demo.Distro;
import org.novaagent.host.demo.DistroRootBuilder;
import org.novaagent.plugin.network.networkd.testkit.NetworkdNetns;
import org.novaagent.testkit.RequiredTool;
import org.novaagent.tests.support.FreebsdRoot;
import org.novaagent.tests.xenstore.Oxenstored;

/**
 * resetnetwork from the host simulator through the real oxenstored to the real agent, into
 * Debian (ifupdown), Ubuntu (netplan), RHEL (ifcfg), Alpine (ifupdown-ng) and Arch
 * (systemd-networkd) scratch roots: first boot with two NICs, attach, detach, an identical repeat
 * that changes no file, the netplan result checked by the real {@code netplan generate}, the Alpine
 * one by ifupdown-ng's {@code ifparse} and {@code ifquery}, the Arch one applied by the real
 * systemd-networkd in a network namespace; a FreeBSD root whose rc.conf is read back by a POSIX shell as
 * rc.subr reads it; and a sysfs full of virtual links with an upper-case MAC. One daemon for
 * the class; one agent per scratch root, run one at a time (they share {@code data/host}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkE2ETests {

    private static final String HOSTNAME = "e2e-server";

    @TempDir
    static Path dir;

    private XenStoreStage stage;
    private Oxenstored daemon;
    private HostSimulator sim;

    @BeforeAll
    void start() throws Exception {
        stage = XenStoreStage.start(dir, Duration.ofSeconds(30));
        daemon = stage.daemon();
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
    void firstBootAttachDetachAndIdenticalRepeat(Distro distro) throws Exception {
        Path root = DistroRootBuilder.build(dir.resolve("root-" + distro.id()), distro);
        try (RunningAgent agent = RunningAgent.start(dir.resolve("agent-" + distro.id()), daemon.socketPath(), root)) {
            assertZero(sim.resetnetwork(spec(false)), agent);
            String first = config(root, distro);
            for (String expected : List.of("104.130.4.72", "104.130.4.1", "2001:db8:104::72", "10.208.227.239",
                    "10.208.0.0/12", "10.176.0.0/12", "10.208.224.1")) {
                assertTrue(first.contains(expected), distro + " config lacks " + expected + ":\n" + first + agent.stderr());
            }
            assertDistroSpecifics(root, distro, first);
            assertFalse(hasThirdNic(root, distro), "eth2 configured before it was attached:\n" + first);
            assertEquals(HOSTNAME, Files.readString(root.resolve("etc/hostname")).strip());

            assertZero(sim.resetnetwork(spec(true)), agent);
            String attached = config(root, distro);
            assertTrue(hasThirdNic(root, distro) && attached.contains("192.168.3.10"), "attach:\n" + attached);
            assertTrue(attached.contains("104.130.4.72") && attached.contains("10.208.227.239"), attached);

            assertZero(sim.resetnetwork(spec(false)), agent);
            String detached = config(root, distro);
            assertFalse(hasThirdNic(root, distro) || detached.contains("192.168.3.10"), "detach left eth2:\n" + detached);
            assertTrue(detached.contains("104.130.4.72") && detached.contains("10.208.227.239"), detached);

            Map<String, String> before = snapshot(root);
            Thread.sleep(20);
            assertZero(sim.resetnetwork(spec(false)), agent);
            assertEquals(before, snapshot(root), "an identical resetnetwork changed files\n" + agent.stderr());

            if (distro == Distro.UBUNTU) {
                assertNetplanGenerates(root);
            }
        }
    }

    @Test
    void freebsdRcConfThroughFirstBootAttachDetachAndRepeat() throws Exception {
        Path root = FreebsdRoot.build(dir.resolve("root-freebsd"));
        try (RunningAgent agent = RunningAgent.start(dir.resolve("agent-freebsd"), daemon.socketPath(), root)) {
            assertZero(sim.resetnetwork(spec(false)), agent);
            Map<String, String> vars = sourceRcConf(root);
            assertEquals("inet 104.130.4.72/24", vars.get("ifconfig_xn0"), vars.toString());
            assertEquals("inet6 2001:db8:104::72/64", vars.get("ifconfig_xn0_ipv6"));
            assertEquals("inet 10.208.227.239/19", vars.get("ifconfig_xn1"));
            assertEquals("104.130.4.1", vars.get("defaultrouter"));
            assertEquals("fe80::1%xn0", vars.get("ipv6_defaultrouter"));
            assertEquals("lan nova0 nova1", vars.get("static_routes"), "the image's route is kept");
            assertEquals("-net 10.176.0.0/12 10.208.224.1", vars.get("route_nova1"));
            assertEquals("-net 192.168.0.0/16 10.0.0.1", vars.get("route_lan"));
            assertEquals(HOSTNAME, vars.get("hostname"));
            assertEquals("YES", vars.get("sshd_enable"));
            assertTrue(Files.readString(root.resolve("etc/resolv.conf")).contains("nameserver 69.20.0.196\n"));
            assertTrue(Files.readString(root.resolve("var/lib/nova-agent/backup/etc/rc.conf")).contains("ifconfig_xn0=\"DHCP\""));

            assertZero(sim.resetnetwork(spec(true)), agent);
            assertEquals("inet 192.168.3.10/24", sourceRcConf(root).get("ifconfig_xn2"));
            assertZero(sim.resetnetwork(spec(false)), agent);
            assertEquals("", sourceRcConf(root).get("ifconfig_xn2"), "detach removes xn2's variables");
            Map<String, String> before = snapshot(root);
            Thread.sleep(20);
            assertZero(sim.resetnetwork(spec(false)), agent);
            assertEquals(before, snapshot(root), "an identical resetnetwork changed files\n" + agent.stderr());
        }
    }

    /**
     * rc.conf as rc.subr's {@code load_rc_config} reads it: {@code sh -n}, then sourced with
     * {@code set -eu} by a POSIX shell, printing the variables the test looks at.
     */
    static Map<String, String> sourceRcConf(Path root) throws IOException, InterruptedException {
        String file = root.resolve("etc/rc.conf").toString();
        Process syntax = new ProcessBuilder("sh", "-n", file).redirectErrorStream(true).start();
        String err = new String(syntax.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(syntax.waitFor(30, TimeUnit.SECONDS) && syntax.exitValue() == 0, "sh -n rc.conf: " + err);
        List<String> names = List.of("hostname", "ifconfig_xn0", "ifconfig_xn0_ipv6", "ifconfig_xn1", "ifconfig_xn2",
                "defaultrouter", "ipv6_defaultrouter", "static_routes", "route_nova0", "route_nova1", "route_lan",
                "sshd_enable");
        StringBuilder script = new StringBuilder("set -eu; . \"$1\"");
        names.forEach(n -> script.append("; printf '%s=%s\\n' ").append(n).append(" \"${").append(n).append(":-}\""));
        Process p = new ProcessBuilder("sh", "-c", script.toString(), "sh", file).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "sourcing rc.conf: " + out);
        Map<String, String> vars = new TreeMap<>();
        out.lines().forEach(l -> vars.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        return vars;
    }

    @Test
    void virtualLinksAndAnUpperCaseSysfsMacDoNotBreakResetnetwork() throws Exception {
        Path root = DistroRootBuilder.build(dir.resolve("root-odd"), Distro.DEBIAN);
        Path net = root.resolve("sys/class/net");
        Files.writeString(net.resolve("eth0/address"), DemoNetwork.ETH0_MAC.toUpperCase() + "\n");
        Path tap = Files.createDirectories(net.resolve("tap0"));
        Files.writeString(tap.resolve("address"), "7e:1f:22:33:44:55\n");
        Files.writeString(tap.resolve("type"), "1\n");
        Files.writeString(tap.resolve("tun_flags"), "0x1002\n");
        Path veth = Files.createDirectories(net.resolve("veth0"));
        Files.writeString(veth.resolve("address"), "ee:ee:ee:00:00:01\n");
        Files.writeString(veth.resolve("type"), "1\n");
        Files.writeString(veth.resolve("uevent"), "DEVTYPE=veth\nINTERFACE=veth0\nIFINDEX=9\n");
        assertTrue(Files.isDirectory(net.resolve("tun0")) && Files.isDirectory(net.resolve("docker0")), "fixture");

        // eth1's XenStore key and mac field in lower case, while sysfs has eth0 in upper case
        NetworkSpec spec = spec(false);
        Nic eth1 = spec.nics().get(1);
        spec = new NetworkSpec(spec.hostname(), List.of(spec.nics().get(0), new Nic(eth1.label(),
                eth1.mac().toLowerCase(), eth1.ipv4(), eth1.ipv6(), eth1.routes(), eth1.dns())));
        try (RunningAgent agent = RunningAgent.start(dir.resolve("agent-odd"), daemon.socketPath(), root)) {
            assertZero(sim.resetnetwork(spec), agent);
            String conf = config(root, Distro.DEBIAN);
            assertTrue(conf.contains("iface eth0 inet static") && conf.contains("iface eth1 inet static"), conf);
            for (String skipped : List.of("tap0", "veth0", "tun0", "docker0")) {
                assertFalse(conf.contains(skipped), skipped + " configured:\n" + conf);
            }
            assertTrue(agent.process().isAlive(), agent.stderr());
        }
    }

    private static void assertZero(HostReply reply, RunningAgent agent) {
        assertEquals("0", reply.returnCode(), reply + "\n" + agent.stderr());
        assertTrue(reply.isSuccess(), reply.toString());
    }

    /** Two NICs (public with IPv4+IPv6+DNS, private with two routes), plus the attached eth2 when asked. */
    private static NetworkSpec spec(boolean withThird) {
        Nic pub = new Nic("public", DemoNetwork.ETH0_MAC,
                List.of(new Ip("104.130.4.72", 24, Optional.of("104.130.4.1"))),
                List.of(new Ip("2001:db8:104::72", 64, Optional.of("fe80::1"))),
                List.of(), List.of("69.20.0.164", "69.20.0.196"));
        Optional<String> via = Optional.of("10.208.224.1");
        Nic priv = new Nic("private", DemoNetwork.ETH1_MAC,
                List.of(new Ip("10.208.227.239", 19, Optional.empty())), List.of(),
                List.of(new RouteSpec("10.208.0.0/12", via), new RouteSpec("10.176.0.0/12", via)), List.of());
        Nic third = new Nic("e2e-net", DemoNetwork.ETH2_MAC,
                List.of(new Ip("192.168.3.10", 24, Optional.empty())), List.of(), List.of(), List.of());
        return new NetworkSpec(Optional.of(HOSTNAME), withThird ? List.of(pub, priv, third) : List.of(pub, priv));
    }

    /** @return the distro's generated network files concatenated */
    private static String config(Path root, Distro distro) throws IOException {
        return switch (distro) {
            case DEBIAN -> Files.readString(root.resolve("etc/network/interfaces.d/50-nova-agent"));
            case UBUNTU -> Files.readString(root.resolve("etc/netplan/50-nova-agent.yaml"));
            case ALPINE -> Files.readString(root.resolve("etc/network/interfaces"));
            case ARCH -> {
                StringBuilder all = new StringBuilder();
                try (Stream<Path> files = Files.list(root.resolve("etc/systemd/network"))) {
                    for (Path f : files.filter(f -> f.getFileName().toString().startsWith("05-nova-agent-")).sorted().toList()) {
                        all.append("## ").append(f.getFileName()).append('\n').append(Files.readString(f));
                    }
                }
                yield all.toString();
            }
            case RHEL -> {
                StringBuilder all = new StringBuilder();
                try (Stream<Path> files = Files.list(root.resolve("etc/sysconfig/network-scripts"))) {
                    for (Path f : files.sorted().toList()) {
                        if (!f.getFileName().toString().endsWith(".bak")) {
                            all.append("## ").append(f.getFileName()).append('\n').append(Files.readString(f));
                        }
                    }
                }
                yield all.toString();
            }
        };
    }

    private static boolean hasThirdNic(Path root, Distro distro) throws IOException {
        return switch (distro) {
            case DEBIAN -> config(root, distro).contains("iface eth2 ");
            case UBUNTU -> config(root, distro).contains("eth2:");
            case ALPINE -> config(root, distro).contains("iface eth2\n");
            case ARCH -> Files.exists(root.resolve("etc/systemd/network/05-nova-agent-eth2.network"));
            case RHEL -> Files.exists(root.resolve("etc/sysconfig/network-scripts/ifcfg-eth2"));
        };
    }

    private static void assertDistroSpecifics(Path root, Distro distro, String conf) throws IOException, InterruptedException {
        switch (distro) {
            case DEBIAN -> {
                assertTrue(conf.contains("iface eth0 inet static") && conf.contains("address 104.130.4.72/24")
                        && conf.contains("up ip route add 10.208.0.0/12 via 10.208.224.1 dev eth1"), conf);
                assertTrue(Files.readString(root.resolve("etc/network/interfaces")).contains("source /etc/network/interfaces.d/*"),
                        "the main file must keep its source line");
            }
            case UBUNTU -> {
                Path yaml = root.resolve("etc/netplan/50-nova-agent.yaml");
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(yaml)));
                assertTrue(conf.contains("macaddress: \"bc:76:4e:20:75:72\"") && conf.contains("- 104.130.4.72/24")
                        && conf.contains("- 10.208.227.239/19"), conf);
                String ci = Files.readString(root.resolve("etc/netplan/50-cloud-init.yaml"));
                assertTrue(ci.contains("# disabled by nova-agent:       dhcp4: true"), "cloud-init's eth0 is taken over:\n" + ci);
                assertTrue(Files.readString(root.resolve("var/lib/nova-agent/backup/taken-over/etc/netplan/50-cloud-init.yaml"))
                        .contains("dhcp4: true"), "and its original kept for a restore");
            }
            case ALPINE -> {
                assertTrue(conf.contains("iface eth0\n    address 104.130.4.72/24\n    address 2001:db8:104::72/64\n")
                        && conf.contains("# disabled by nova-agent: iface eth0 inet dhcp")
                        && conf.contains("up ip route add 10.208.0.0/12 via 10.208.224.1 dev eth1"), conf);
                assertEquals("nameserver 69.20.0.164\nnameserver 69.20.0.196\n", Files.readString(root.resolve("etc/resolv.conf"))
                        .lines().filter(l -> !l.startsWith("#")).map(l -> l + "\n").reduce("", String::concat));
                assertIfupdownNgReads(root);
            }
            case ARCH -> {
                assertTrue(conf.contains("MACAddress=bc:76:4e:20:75:72\nType=ether\n") && conf.contains("DNS=69.20.0.164")
                        && conf.contains("[Route]\nDestination=10.208.0.0/12\nGateway=10.208.224.1\n"), conf);
                assertTrue(Files.readString(root.resolve("etc/systemd/network/20-wired.network")).contains("DHCP=yes"),
                        "the image's 20-wired.network is left for the NICs we do not configure");
                assertNetworkdApplies(root);
            }
            case RHEL -> {
                String eth0 = Files.readString(root.resolve("etc/sysconfig/network-scripts/ifcfg-eth0"));
                assertTrue(eth0.contains("IPADDR=104.130.4.72") && eth0.contains("PREFIX=24")
                        && eth0.contains("GATEWAY=104.130.4.1") && !eth0.contains("BOOTPROTO=dhcp"), eth0);
                String route = Files.readString(root.resolve("etc/sysconfig/network-scripts/route-eth1"));
                assertTrue(route.contains("10.208.0.0/12 via 10.208.224.1 dev eth1"), route);
            }
        }
    }

    /**
     * The real ifupdown-ng (unpacked by {@code .ci/run}, never installed: it conflicts with ifupdown)
     * reads the file the agent wrote with no warning, and lists exactly lo, eth0 and eth1.
     */
    static void assertIfupdownNgReads(Path root) throws IOException, InterruptedException {
        Path ifng = Path.of(System.getenv().getOrDefault("IFUPDOWN_NG_ROOT", "/opt/ifupdown-ng"), "sbin");
        RequiredTool.requireInstalled(ifng.resolve("ifparse"), "ifupdown-ng (unpacked by .ci/run)",
                "validates the Alpine interfaces file written end to end");
        String file = root.resolve("etc/network/interfaces").toString();
        Process p = new ProcessBuilder(ifng.resolve("ifparse").toString(), "-i", file, "-A").redirectErrorStream(true).start();
        String parsed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "ifparse: " + parsed);
        assertFalse(parsed.contains(file + ":"), "ifparse warned: " + parsed);
        assertFalse(parsed.contains("dhcp"), "the image's DHCP stanza is still active: " + parsed);
        Process q = new ProcessBuilder(ifng.resolve("ifquery").toString(), "-i", file, "-L").redirectErrorStream(true).start();
        String listed = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(q.waitFor(60, TimeUnit.SECONDS) && q.exitValue() == 0, "ifquery: " + listed);
        assertEquals(List.of("eth0", "eth1", "lo"), listed.lines().sorted().toList());
    }

    /**
     * The real systemd-networkd, in a throw-away network namespace, over everything the Arch root
     * holds in etc/systemd/network (ours and the image's DHCP {@code 20-wired.network}): no complaint
     * about our files, and our addresses and routes, not DHCP, on eth0 and eth1.
     */
    static void assertNetworkdApplies(Path root) throws IOException, InterruptedException {
        Path tmp = Files.createTempDirectory(root.getParent(), "networkd");
        NetworkdNetns.Result r = NetworkdNetns.run(root.resolve("etc/systemd/network"),
                Map.of("eth0", DemoNetwork.ETH0_MAC.toLowerCase(), "eth1", DemoNetwork.ETH1_MAC.toLowerCase()),
                List.of("eth0 inet 104.130.4.72/24", "eth0 inet6 2001:db8:104::72/64", "eth1 inet 10.208.227.239/19",
                        "default via 104.130.4.1 dev eth0", "10.176.0.0/12 via 10.208.224.1 dev eth1"), tmp);
        assertEquals(List.of(), r.complaintsAbout("05-nova-agent-eth0.network"), r.log());
        assertEquals(List.of(), r.complaintsAbout("05-nova-agent-eth1.network"), r.log());
        assertTrue(r.state().contains("eth0 inet 104.130.4.72/24") && r.state().contains("10.176.0.0/12 via 10.208.224.1 dev eth1"),
                r.state() + r.log());
    }

    /** Runs the real {@code netplan generate} over a copy of the scratch root's etc/netplan. */
    private static void assertNetplanGenerates(Path root) throws Exception {
        Path netplan = RequiredTool.require("netplan", "validates the generated YAML");
        Path copy = dir.resolve("netplan-check");
        Files.createDirectories(copy.resolve("etc/netplan"));
        try (Stream<Path> files = Files.list(root.resolve("etc/netplan"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Path to = copy.resolve("etc/netplan").resolve(f.getFileName());
                Files.copy(f, to);
                Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-------"));
            }
        }
        Process p = new ProcessBuilder(netplan.toString(), "generate", "--root-dir", copy.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "netplan generate timed out");
        assertEquals(0, p.exitValue(), "netplan generate: " + out);
        String eth0 = Files.readString(copy.resolve("run/systemd/network/10-netplan-eth0.network"));
        assertTrue(eth0.contains("Address=104.130.4.72/24") && eth0.contains("Gateway=104.130.4.1")
                && eth0.contains("DNS=69.20.0.164"), eth0);
        String eth1 = Files.readString(copy.resolve("run/systemd/network/10-netplan-eth1.network"));
        assertTrue(eth1.contains("Destination=10.176.0.0/12") && eth1.contains("Gateway=10.208.224.1"), eth1);
    }

    /**
     * @return every regular file under {@code root}: relative path → mtime and content; not the
     *         agent's request journal, whose records vanish right after the reply is committed
     */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (Path f : RootSnapshot.filesOutsideJournal(root).stream().filter(Files::isRegularFile).toList()) {
            files.put(root.relativize(f).toString(),
                    Files.getLastModifiedTime(f).toMillis() + " " + Files.readString(f, StandardCharsets.ISO_8859_1));
        }
        return files;
    }
}
