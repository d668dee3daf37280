/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.rhel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.HostFacts;
import org.novaagent.network.NmKeyfileRenderer;
import org.novaagent.network.NmKeyfileForeignConfig;
import org.novaagent.network.NmKeyfiles;
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
import org.novaagent.network.testkit.ScratchContexts;
import org.novaagent.testkit.Exec;
import org.novaagent.testkit.RequiredTool;
import org.novaagent.testkit.TestCommandContext;

/**
 * The handler on EL9 (ifcfg through NetworkManager) and EL10 (keyfiles) over roots holding nova-agent
 * 2.x's real ifcfg/route files and {@code /etc/sysconfig/network} (its test fixtures), cloud-init's
 * real {@code ifcfg-eth0} and {@code cloud-init-eth0.nmconnection}, and an installer's profiles bound
 * by MAC or {@code DEVICE=} under other names: the tree equals {@code src/test/resources/takeover/<case>/},
 * a repeat changes nothing, every ifcfg file left is sourced by bash and exactly one binds each of our
 * NICs (ours), and every keyfile left passes the real {@code nmcli --offline} and none but ours binds them.
 */
class RhelTakeoverTests {

    static final String SCRIPTS = RhelNames.SCRIPTS;
    static final String CONNECTIONS = RhelNames.CONNECTIONS;
    static final String INSTALLER_BY_MAC = "[connection]\nid=Wired connection 1\nuuid=5fb06bd0-0bb0-7ffb-45f1-d6edd65f3e03\n"
            + "type=ethernet\n\n[ethernet]\nmac-address=BC:76:4E:20:6C:5B\n\n[ipv4]\nmethod=auto\n";
    static final String INSTALLER_BY_DEVICE = "TYPE=Ethernet\nBOOTPROTO=dhcp\nNAME=\"System eth0\"\nDEVICE=\"eth0\"\nONBOOT=yes\n";
    static final String OTHER_NIC = "DEVICE=eth9\nBOOTPROTO=dhcp\nONBOOT=yes\n";

    static final Map<String, Map<String, String>> CASES = Map.of(
            "nova-agent-2x", Map.of("nova-agent-2x/ifcfg-eth0", SCRIPTS + "ifcfg-eth0",
                    "nova-agent-2x/ifcfg-eth1", SCRIPTS + "ifcfg-eth1", "nova-agent-2x/route-eth1", SCRIPTS + "route-eth1",
                    "nova-agent-2x/network", RhelNames.SYSCONFIG_NETWORK),
            "cloud-init", Map.of("cloud-init/ifcfg-eth0", SCRIPTS + "ifcfg-eth0",
                    "cloud-init/cloud-init-eth0.nmconnection", CONNECTIONS + "cloud-init-eth0.nmconnection"),
            "installer-profiles", Map.of(),
            "keyfiles-nova-agent-2x", Map.of("nova-agent-2x/ifcfg-eth0", SCRIPTS + "ifcfg-eth0",
                    "nova-agent-2x/ifcfg-eth1", SCRIPTS + "ifcfg-eth1", "nova-agent-2x/route-eth1", SCRIPTS + "route-eth1"),
            "keyfiles-cloud-init", Map.of("cloud-init/cloud-init-eth0.nmconnection", CONNECTIONS + "cloud-init-eth0.nmconnection",
                    "cloud-init/ifcfg-eth0", SCRIPTS + "ifcfg-eth0"),
            "keyfiles-initrd", Map.of());

    /** What NetworkManager's nm-initrd-generator writes for {@code ip=eth0:dhcp} (its keyfile output, 1.46). */
    static final String INITRD_ETH0 = "[connection]\nid=eth0\nuuid=4f8a3b5e-3c1c-4c9a-9f5e-0d6a1f2b7c11\ntype=ethernet\n"
            + "interface-name=eth0\nmulti-connect=1\nautoconnect-retries=1\n\n[ethernet]\n\n[ipv4]\ndhcp-timeout=90\n"
            + "method=auto\nrequired-timeout=20000\n\n[ipv6]\naddr-gen-mode=eui64\nmethod=auto\n\n[proxy]\n\n[user]\n"
            + "org.freedesktop.NetworkManager.origin=nm-initrd-generator\n";
    static final String RUN_ETH0 = NmKeyfileForeignConfig.RUN_CONNECTIONS + "eth0.nmconnection";

    static Stream<String> cases() {
        return new TreeSet<>(CASES.keySet()).stream();
    }

    static TestCommandContext prepare(Path root, String name) throws IOException {
        Scenario s = ScenarioLoader.load("dual-nic-ipv4-ipv6");
        s.writeSysfs(root);
        boolean keyfiles = name.startsWith("keyfiles");
        TestCommandContext ctx = ScratchContexts.of(root, HostFacts.OsFamily.RHEL, keyfiles ? "almalinux" : "rhel",
                keyfiles ? "10.0" : "9.4").tool("/usr/bin/nmcli");
        ctx.useXenStore(s.xenStore());
        Files.createDirectories(root.resolve(SCRIPTS));
        Files.createDirectories(root.resolve(CONNECTIONS));
        CASES.get(name).forEach((fixture, path) -> ForeignFixtures.install(root, fixture, path));
        if (name.equals("installer-profiles")) {
            Files.writeString(root.resolve(CONNECTIONS + "Wired connection 1.nmconnection"), INSTALLER_BY_MAC);
            Files.writeString(root.resolve(SCRIPTS + "ifcfg-System_eth0"), INSTALLER_BY_DEVICE);
            Files.writeString(root.resolve(SCRIPTS + "ifcfg-eth9"), OTHER_NIC);
            Files.writeString(root.resolve(SCRIPTS + "ifcfg-eth0.1716000000.5.bak"), INSTALLER_BY_DEVICE);
        }
        if (name.equals("keyfiles-initrd")) {
            Path run = Files.createDirectories(root.resolve(NmKeyfileForeignConfig.RUN_CONNECTIONS));
            Files.writeString(run.resolve("eth0.nmconnection"), INITRD_ETH0);
            Files.setPosixFilePermissions(run.resolve("eth0.nmconnection"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        if (name.contains("cloud-init")) {
            Files.createDirectories(root.resolve("etc/cloud/cloud.cfg.d"));
        }
        return ctx;
    }

    @org.junit.jupiter.api.Test
    void anInitrdProfileInRunIsRemovedWithABackupButNoCopyForARestore(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root");
        TestCommandContext ctx = prepare(root, "keyfiles-initrd");
        String nmcli = RequiredTool.require("nmcli", "reads the initrd profile offline").toString();
        Exec.Result fixture = Exec.run("sh", "-c", "\"$0\" --offline connection modify connection.autoconnect yes < \"$1\"",
                nmcli, root.resolve(RUN_ETH0).toString());
        assertEquals(0, fixture.code(), "the fixture is a profile NetworkManager reads: " + fixture.output());
        assertEquals("0", new ResetNetworkCommandHandler().handle(CommandRequest.of("1", "resetnetwork", ""), ctx).returnCode());
        assertFalse(Files.exists(root.resolve(RUN_ETH0)), "the initramfs's DHCP profile for eth0 is gone");
        assertEquals(INITRD_ETH0, Files.readString(new FileStager(root).backupOf(RUN_ETH0)));
        assertFalse(Files.exists(root.resolve(ForeignConfigTakeover.ORIGINALS + "/" + RUN_ETH0)),
                "/run is written again at boot: no copy for restore-network-config to put back later");
        assertTrue(ctx.commands().contains(List.of("nmcli", "connection", "reload")), ctx.commands().toString());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void takesOverAndTheToolsSeeOnlyOurProfiles(String name, @TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root");
        TestCommandContext ctx = prepare(root, name);
        ResetNetworkCommandHandler h = new ResetNetworkCommandHandler();
        CommandRequest req = CommandRequest.of("1", "resetnetwork", "");
        assertEquals("0", h.handle(req, ctx).returnCode());
        GoldenTrees.assertTree(Path.of("src/test/resources/takeover", name), root);
        FileStager stager = new FileStager(root);
        CASES.get(name).forEach((fixture, path) -> {
            try {
                boolean changed = !Files.exists(root.resolve(path)) || !Files.readString(root.resolve(path)).equals(ForeignFixtures.text(fixture));
                assertTrue(changed, path + " was taken over");
                assertEquals(ForeignFixtures.text(fixture), Files.readString(stager.backupOf(path)), "backup of " + path);
                Path original = root.resolve(ForeignConfigTakeover.ORIGINALS + "/" + path);
                assertEquals(fixture.startsWith("cloud-init"), Files.exists(original), "restorable copy of " + path);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        ctx.clearCommands();
        assertEquals("0", h.handle(req, ctx).returnCode());
        assertEquals(List.of(), ctx.commands(), "a repeat takes over nothing more");

        NetworkConfig config = new XenStoreNetworkParser().read(ctx.xenStore(), NicDiscovery.discover(root));
        Map<String, List<String>> binders = new TreeMap<>();
        for (Path f : list(root.resolve(SCRIPTS), "ifcfg-")) {
            List<String> v = sourced(f, "DEVICE", "HWADDR", "IPADDR");
            String device = v.get(0).isEmpty() ? f.getFileName().toString().substring(6) : v.get(0);
            binders.computeIfAbsent(device, d -> new ArrayList<>()).add(f.getFileName().toString());
            config.interfaces().stream().filter(n -> n.name().equals(device)).findFirst()
                    .ifPresent(n -> assertEquals(n.ipv4().get(0).address(), v.get(2), f + " carries our address"));
            assertFalse(config.interfaces().stream().anyMatch(n -> n.mac().equalsIgnoreCase(v.get(1)) && !n.name().equals(device)),
                    f + " binds one of our MACs under another name");
        }
        for (Path f : list(root.resolve(CONNECTIONS), "")) {
            String nmcli = RequiredTool.require("nmcli", "reads the remaining keyfiles offline").toString();
            Exec.Result r = Exec.run("sh", "-c", "\"$0\" --offline connection modify connection.autoconnect yes < \"$1\"",
                    nmcli, f.toString());
            assertEquals(0, r.code(), f + ": " + r.output());
            Map<String, String> keys = NmKeyfiles.keys(Files.readString(f));
            String device = keys.getOrDefault("connection.interface-name", "");
            binders.computeIfAbsent(device, d -> new ArrayList<>()).add(f.getFileName().toString());
            assertTrue(f.getFileName().toString().startsWith("nova-") || config.interfaces().stream().noneMatch(
                    n -> n.name().equals(device) || n.mac().equalsIgnoreCase(keys.getOrDefault("ethernet.mac-address", ""))),
                    f + " binds one of our NICs");
        }
        for (NetInterface nic : config.interfaces()) {
            assertEquals(1, binders.getOrDefault(nic.name(), List.of()).size(), "profiles for " + nic.name() + ": " + binders);
        }
        if (name.equals("installer-profiles")) {
            assertEquals(OTHER_NIC, Files.readString(root.resolve(SCRIPTS + "ifcfg-eth9")), "a NIC we do not configure is left alone");
            assertTrue(Files.exists(root.resolve(SCRIPTS + "ifcfg-eth0.1716000000.5.bak")), "ignored names stay ignored");
        }
    }

    private static List<Path> list(Path dir, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix) && !p.getFileName().toString().endsWith(".bak"))
                    .sorted().toList();
        }
    }

    /** The variables as initscripts see them: the file sourced by a clean bash with {@code set -eu}. */
    private static List<String> sourced(Path file, String... names) throws IOException, InterruptedException {
        String bash = RequiredTool.require("bash", "sources ifcfg files like network-scripts").toString();
        StringBuilder script = new StringBuilder("set -eu; . \"$1\"");
        for (String n : names) {
            script.append("; printf '%s\\n' \"${").append(n).append(":-}\"");
        }
        Exec.Result r = Exec.run("env", "-i", bash, "-c", script.toString(), "sh", file.toString());
        assertEquals(0, r.code(), file + ": " + r.output());
        return r.output().lines().toList();
    }
}
