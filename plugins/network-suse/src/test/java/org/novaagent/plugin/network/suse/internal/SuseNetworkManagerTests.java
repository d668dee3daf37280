/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.suse.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.HostFacts;
import org.novaagent.api.ProcessResult;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.NmKeyfileRenderer;
import org.novaagent.network.NmKeyfiles;
import org.novaagent.network.testkit.Scenario;
import org.novaagent.network.testkit.ScenarioConfigs;
import org.novaagent.network.testkit.ScenarioLoader;
import org.novaagent.testkit.RecordingProcessRunner;
import org.novaagent.testkit.RequiredTool;
import org.novaagent.testkit.TestCommandContext;
import org.novaagent.testkit.TestHostFacts;

/**
 * openSUSE Leap 16 / SLES 16 / Tumbleweed, where NetworkManager replaced wicked: every shared scenario
 * through the real handler on a root whose {@code network.service} is NetworkManager and which holds the
 * installer's "Wired connection 1" profile for eth0. The handler writes exactly network-common's shared
 * keyfiles (the RHEL plugin's, byte for byte), the real NetworkManager keyfile reader ({@code nmcli
 * --offline}) accepts each with our UUID, MAC and addresses, the installer's profile is taken over, and the
 * commands are NetworkManager's.
 */
class SuseNetworkManagerTests {

    static final String INSTALLER_PROFILE = "[connection]\nid=Wired connection 1\nuuid=3f0cf5e5-5f8a-3c4b-9c10-7d3b0d0a0b01\n"
            + "type=ethernet\ninterface-name=eth0\n\n[ipv4]\nmethod=auto\n\n[ipv6]\nmethod=auto\n";

    static Stream<String> scenarios() {
        return ScenarioLoader.names().stream();
    }

    /** A Leap 16 root: network.service aliased to NetworkManager, nmcli, no wicked. */
    static TestCommandContext leap16(Path root, Scenario scenario) throws IOException {
        Path alias = root.resolve(SuseStack.NETWORK_SERVICE);
        if (!Files.isSymbolicLink(alias)) {
            Files.createDirectories(alias.getParent());
            Files.createSymbolicLink(alias, Path.of("/usr/lib/systemd/system/NetworkManager.service"));
            Path conn = Files.createDirectories(root.resolve(NmKeyfiles.CONNECTIONS));
            Files.writeString(conn.resolve("Wired connection 1.nmconnection"), INSTALLER_PROFILE);
        }
        TestCommandContext ctx = TestCommandContext.builder(root)
                .hostFacts(TestHostFacts.builder(root).os("opensuse-leap", "16.0").idLike("suse", "opensuse")
                        .family(HostFacts.OsFamily.SUSE).build())
                .runner(new RecordingProcessRunner().otherwise(ProcessResult.notExecuted()))
                .xenStore(scenario.xenStore()).build();
        scenario.settings().forEach(ctx::putSetting);
        ctx.tool("/usr/bin/nmcli");
        scenario.writeSysfs(root);
        return ctx;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyScenarioGetsTheSharedKeyfilesThatNetworkManagerAccepts(String name, @TempDir Path root) throws Exception {
        Scenario scenario = ScenarioLoader.load(name);
        ResetNetworkCommandHandler handler = new ResetNetworkCommandHandler();
        if (scenario.before().isPresent()) {
            TestCommandContext before = leap16(root, scenario.before().get());
            assertTrue(handler.applicability(before.hostFacts()).reason().contains("NetworkManager"));
            assertEquals(CommandResult.ok(scenario.before().get().reply()), reset(handler, before));
        }
        TestCommandContext ctx = leap16(root, scenario);
        assertEquals(CommandResult.ok(scenario.reply()), reset(handler, ctx));

        NetworkConfig config = ScenarioConfigs.parse(scenario);
        Map<String, String> expected = new TreeMap<>();
        for (NetInterface nic : config.interfaces()) {
            expected.put(NmKeyfiles.connectionId(nic.name()) + ".nmconnection", NmKeyfileRenderer.keyfile(nic));
        }
        Map<String, String> written = new TreeMap<>();
        try (Stream<Path> files = Files.list(root.resolve(NmKeyfiles.CONNECTIONS))) {
            for (Path f : files.toList()) {
                written.put(f.getFileName().toString(), Files.readString(f));
            }
        }
        assertEquals(expected, written, "exactly the shared keyfiles; the installer's eth0 profile is taken over");
        assertFalse(Files.exists(root.resolve("etc/sysconfig/network/ifcfg-eth0")), "no wicked file on a NetworkManager root");
        String nmcli = RequiredTool.require("nmcli", "validates NetworkManager keyfiles offline").toString();
        for (NetInterface nic : config.interfaces()) {
            Path file = root.resolve(NmKeyfiles.keyfile(nic.name()));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            String normalised = offline(nmcli, Files.readString(file));
            assertTrue(normalised.contains("uuid=" + NmKeyfiles.uuid(nic.mac())) && normalised.contains("mac-address="
                    + nic.mac().toUpperCase()), normalised);
            nic.ipv4().forEach(a -> assertTrue(normalised.contains(a.cidr()), a.cidr() + " in\n" + normalised));
            nic.ipv6().forEach(a -> assertTrue(normalised.contains(a.cidr()), a.cidr() + " in\n" + normalised));
        }
    }

    @Test
    void firstRunReloadsAndUpsEachNicAndBacksUpTheInstallersProfileAndARepeatRunsNothing(@TempDir Path root) throws Exception {
        Scenario scenario = ScenarioLoader.load("dual-nic-ipv4-ipv6");
        TestCommandContext ctx = leap16(root, scenario);
        ResetNetworkCommandHandler handler = new ResetNetworkCommandHandler();
        assertEquals("0", reset(handler, ctx).returnCode());
        NetworkConfig config = ScenarioConfigs.parse(scenario);
        List<List<String>> network = ctx.commands().stream().filter(c -> c.get(0).equals("nmcli")).toList();
        assertEquals(List.of(List.of("nmcli", "connection", "reload"),
                List.of("nmcli", "connection", "up", "uuid", NmKeyfiles.uuid(config.interfaces().get(0).mac())),
                List.of("nmcli", "connection", "up", "uuid", NmKeyfiles.uuid(config.interfaces().get(1).mac()))), network);
        assertEquals(INSTALLER_PROFILE, Files.readString(root.resolve("var/lib/nova-agent/backup/"
                + NmKeyfiles.CONNECTIONS + "Wired connection 1.nmconnection")));
        ctx.clearCommands();
        assertEquals("0", reset(handler, ctx).returnCode());
        assertEquals(List.of(), ctx.commands().stream().filter(c -> c.get(0).equals("nmcli")).toList());
    }

    private static CommandResult reset(ResetNetworkCommandHandler handler, TestCommandContext ctx) throws Exception {
        return handler.handle(CommandRequest.of("1", "resetnetwork", ""), ctx);
    }

    private static String offline(String nmcli, String keyfile) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(nmcli, "--offline", "connection", "modify", "connection.autoconnect", "yes")
                .redirectErrorStream(true).start();
        p.getOutputStream().write(keyfile.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "nmcli rejected:\n" + keyfile + "\n" + out);
        return out;
    }
}
