/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.netplan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.novaagent.api.CommandRequest;
import org.novaagent.network.FileStager;
import org.novaagent.network.ForeignConfigTakeover;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.NicDiscovery;
import org.novaagent.network.XenStoreNetworkParser;
import org.novaagent.network.testkit.ForeignFixtures;
import org.novaagent.network.testkit.GoldenTrees;
import org.novaagent.network.testkit.Scenario;
import org.novaagent.network.testkit.ScenarioLoader;
import org.novaagent.network.testkit.ScenarioRunner;
import org.novaagent.testkit.RequiredTool;
import org.novaagent.testkit.TestCommandContext;

/**
 * The handler over roots holding nova-agent 2.x's real {@code rackspace-cloud.yaml} (its test
 * fixtures) and cloud-init's real {@code 50-cloud-init.yaml}: the whole tree equals
 * {@code src/test/resources/takeover/<case>/}, a repeat changes nothing, and the real
 * {@code netplan generate} over the resulting {@code etc/netplan} makes exactly our networkd files
 * for our NICs (no old address, one default route, DNS once), while a NIC we do not configure keeps
 * cloud-init's entry.
 */
class NetplanTakeoverTests {

    /** case → fixture files installed at their paths */
    static final Map<String, Map<String, String>> CASES = Map.of(
            "nova-agent-2x-ubuntu", Map.of("nova-agent-2x/rackspace-cloud.ubuntu.yaml", NetplanForeignConfig.LEGACY),
            "nova-agent-2x-debian", Map.of("nova-agent-2x/rackspace-cloud.debian.yaml", NetplanForeignConfig.LEGACY),
            "cloud-init", Map.of("cloud-init/50-cloud-init.yaml", "etc/netplan/50-cloud-init.yaml"),
            "cloud-init-by-mac", Map.of("cloud-init/50-cloud-init.by-mac.yaml", "etc/netplan/50-cloud-init.yaml"),
            "nova-agent-2x-and-cloud-init", Map.of("nova-agent-2x/rackspace-cloud.ubuntu.yaml", NetplanForeignConfig.LEGACY,
                    "cloud-init/50-cloud-init.yaml", "etc/netplan/50-cloud-init.yaml"));

    static Stream<String> cases() {
        return new TreeSet<>(CASES.keySet()).stream();
    }

    static TestCommandContext prepare(Path root, String name) throws Exception {
        Scenario s = ScenarioLoader.load("dual-nic-ipv4-ipv6");
        s.writeSysfs(root);
        Files.createDirectories(root.resolve("etc/netplan"));
        CASES.get(name).forEach((fixture, path) -> {
            Path p = ForeignFixtures.install(root, fixture, path);
            try {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (name.contains("cloud-init")) {
            Files.createDirectories(root.resolve("etc/cloud/cloud.cfg.d"));
        }
        return ScenarioRunner.context(root, s);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void takesOverAndNetplanGeneratesOnlyOurConfig(String name, @TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root");
        TestCommandContext ctx = prepare(root, name);
        ResetNetworkCommandHandler h = new ResetNetworkCommandHandler();
        CommandRequest req = CommandRequest.of("1", "resetnetwork", "");
        assertEquals("0", h.handle(req, ctx).returnCode());
        GoldenTrees.assertTree(Path.of("src/test/resources/takeover", name), root);
        if (CASES.get(name).containsValue(NetplanForeignConfig.LEGACY)) {
            assertFalse(Files.exists(root.resolve(NetplanForeignConfig.LEGACY)));
            assertEquals(ForeignFixtures.text(CASES.get(name).keySet().stream().filter(f -> f.contains("rackspace"))
                    .findFirst().orElseThrow()), Files.readString(new FileStager(root).backupOf(NetplanForeignConfig.LEGACY)));
            assertFalse(Files.exists(root.resolve(ForeignConfigTakeover.ORIGINALS + "/" + NetplanForeignConfig.LEGACY)),
                    "2.x's file is never restored");
        }
        if (name.startsWith("cloud-init")) {
            String fixture = CASES.get(name).keySet().iterator().next();
            assertEquals(ForeignFixtures.text(fixture),
                    Files.readString(root.resolve(ForeignConfigTakeover.ORIGINALS + "/etc/netplan/50-cloud-init.yaml")));
        }
        ctx.clearCommands();
        assertEquals("0", h.handle(req, ctx).returnCode());
        assertEquals(List.of(), ctx.commands(), "a repeat takes over nothing more and applies nothing");

        // cloud-init-by-mac: the NIC nova-agent does not configure keeps cloud-init's file
        Set<String> others = name.equals("cloud-init-by-mac") ? Set.of("10-netplan-ens9.network") : Set.of();
        assertNetplanGeneratesOurNetworkd(root, ctx, "validates the taken-over netplan directory", name, others);
        if (name.equals("cloud-init-by-mac")) {
            assertTrue(Files.readString(root.resolve("run/systemd/network/10-netplan-ens9.network")).contains("DHCP=ipv4"),
                    "the NIC nova-agent does not configure keeps cloud-init's DHCP");
        }
    }

    /**
     * Runs the real {@code netplan generate} over {@code root} and checks that it writes exactly our
     * networkd file for each NIC of the scenario, plus {@code others}, and no other.
     */
    private static void assertNetplanGeneratesOurNetworkd(Path root, TestCommandContext ctx, String why, String label,
                                                          Set<String> others) throws Exception {
        Path netplan = RequiredTool.require("netplan", why);
        Process p = new ProcessBuilder(netplan.toString(), "generate", "--root-dir", root.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "netplan generate timed out");
        assertEquals(0, p.exitValue(), "netplan generate: " + out);
        NetworkConfig config = new XenStoreNetworkParser().read(ctx.xenStore(), NicDiscovery.discover(root));
        TreeSet<String> expected = new TreeSet<>(others);
        for (NetInterface i : config.interfaces()) {
            String file = "10-netplan-" + i.name() + ".network";
            expected.add(file);
            assertEquals(NetplanGenerateValidationTests.networkd(i),
                    Files.readString(root.resolve("run/systemd/network").resolve(file)), label + " " + file);
        }
        try (Stream<Path> files = Files.list(root.resolve("run/systemd/network"))) {
            assertEquals(expected, new TreeSet<>(files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".network")).toList()), "networkd files");
        }
    }

    /** What Ubuntu's initramfs (initramfs-tools {@code netplan} hook, {@code ip=dhcp}) leaves in /run/netplan. */
    static final String INITRAMFS_ETH0 = "network:\n  version: 2\n  renderer: networkd\n  ethernets:\n    eth0:\n"
            + "      dhcp4: true\n      dhcp-identifier: mac\n      critical: true\n      match:\n"
            + "        macaddress: \"bc:76:4e:20:75:72\"\n      set-name: \"eth0\"\n";
    /** A package's default in /lib/netplan putting eth1 on DHCP. */
    static final String LIB_ETH1 = "network:\n  version: 2\n  ethernets:\n    eth1:\n      dhcp4: true\n";
    /** A /lib file shadowed by an /etc file of the same name: netplan never reads it, so it stays. */
    static final String SHADOWED = "network:\n  version: 2\n  ethernets:\n    eth0:\n      dhcp6: true\n";

    @Test
    void runAndLibNetplanFilesAreTakenOverAndNetplanGeneratesOnlyOurs(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root");
        TestCommandContext ctx = prepare(root, "cloud-init");
        Path run = Files.createDirectories(root.resolve("run/netplan"));
        Path lib = Files.createDirectories(root.resolve("lib/netplan"));
        for (Path f : List.of(Files.writeString(run.resolve("eth0.yaml"), INITRAMFS_ETH0),
                Files.writeString(lib.resolve("90-default.yaml"), LIB_ETH1),
                Files.writeString(lib.resolve("50-cloud-init.yaml"), SHADOWED))) {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        }
        ResetNetworkCommandHandler h = new ResetNetworkCommandHandler();
        CommandRequest req = CommandRequest.of("1", "resetnetwork", "");
        assertEquals("0", h.handle(req, ctx).returnCode());
        String runEth0 = Files.readString(run.resolve("eth0.yaml"));
        assertTrue(runEth0.startsWith(ForeignConfigTakeover.MARKER_PREFIX) && runEth0.contains("# disabled by nova-agent:       dhcp4: true"),
                runEth0);
        assertEquals(INITRAMFS_ETH0, Files.readString(new FileStager(root).backupOf("run/netplan/eth0.yaml")));
        assertFalse(Files.exists(root.resolve(ForeignConfigTakeover.ORIGINALS + "/run/netplan/eth0.yaml")),
                "/run is written again at boot: no copy for a restore");
        assertTrue(Files.readString(lib.resolve("90-default.yaml")).contains("# disabled by nova-agent:     eth1:"));
        assertEquals(LIB_ETH1, Files.readString(root.resolve(ForeignConfigTakeover.ORIGINALS + "/lib/netplan/90-default.yaml")));
        assertEquals(SHADOWED, Files.readString(lib.resolve("50-cloud-init.yaml")), "a shadowed file is not read by netplan");
        ctx.clearCommands();
        assertEquals("0", h.handle(req, ctx).returnCode());
        assertEquals(List.of(), ctx.commands(), "a repeat takes over nothing more");

        assertNetplanGeneratesOurNetworkd(root, ctx, "reads /run, /etc and /lib netplan like at boot", "run+lib", Set.of());
    }

    @Test
    void dryRunShowsTheTakeoverInItsDiff(@TempDir Path root) throws Exception {
        prepare(root, "nova-agent-2x-and-cloud-init");
        TestCommandContext ctx = TestCommandContext.builder(root).xenStore(ScenarioLoader.load("dual-nic-ipv4-ipv6")
                .xenStore()).build().dryRun(true);
        var r = new ResetNetworkCommandHandler().handle(CommandRequest.of("1", "resetnetwork", ""), ctx);
        assertEquals("0", r.returnCode());
        assertTrue(r.message().contains("--- a/" + NetplanForeignConfig.LEGACY) && r.message().contains("-      - 104.130.169.159/24"),
                r.message());
        assertTrue(r.message().contains("+# disabled by nova-agent:         eth0:"), r.message());
        assertTrue(r.message().contains("+network: {config: disabled}"), r.message());
        assertTrue(Files.exists(root.resolve(NetplanForeignConfig.LEGACY)), "a dry run removes nothing");
        assertEquals(List.of(), ctx.commands());
    }
}
