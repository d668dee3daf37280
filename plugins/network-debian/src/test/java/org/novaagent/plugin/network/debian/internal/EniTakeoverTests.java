/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.debian.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.novaagent.api.CommandRequest;
import org.novaagent.network.ForeignConfigTakeover;
import org.novaagent.network.IpAddress;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.NicDiscovery;
import org.novaagent.network.XenStoreNetworkParser;
import org.novaagent.network.testkit.ForeignFixtures;
import org.novaagent.network.testkit.GoldenTrees;
import org.novaagent.network.testkit.Scenario;
import org.novaagent.network.testkit.ScenarioLoader;
import org.novaagent.network.testkit.ScenarioRunner;
import org.novaagent.testkit.Exec;
import org.novaagent.testkit.RequiredTool;
import org.novaagent.testkit.TestCommandContext;

/**
 * The handler over roots holding nova-agent 2.x's real {@code /etc/network/interfaces} (its test
 * fixtures, with and without the loopback block) and cloud-init's real
 * {@code interfaces.d/50-cloud-init}: the tree equals {@code src/test/resources/takeover/<case>/},
 * a repeat changes nothing, and real ifupdown reading the main file with its {@code source} lines
 * inlined sees lo once and exactly our stanzas for our NICs: {@code ifquery -l}, {@code ifquery <if>}
 * (only our addresses), {@code ifup --no-act} (no DHCP, no 2.x alias address).
 */
class EniTakeoverTests {

    /** Debian's default main file when cloud-init provides the interfaces: no lo of its own. */
    static final String SOURCING_MAIN = "# interfaces(5) file used by ifup(8) and ifdown(8)\n"
            + "# Include files from /etc/network/interfaces.d:\nsource /etc/network/interfaces.d/*\n";

    static final Map<String, Map<String, String>> CASES = Map.of(
            "nova-agent-2x", Map.of("nova-agent-2x/interfaces", EniRenderer.INTERFACES),
            "nova-agent-2x-without-loopback", Map.of("nova-agent-2x/interfaces-without-loopback", EniRenderer.INTERFACES),
            "cloud-init", Map.of("cloud-init/50-cloud-init", "etc/network/interfaces.d/50-cloud-init"),
            "nova-agent-2x-and-unsourced-cloud-init", Map.of("nova-agent-2x/interfaces", EniRenderer.INTERFACES,
                    "cloud-init/50-cloud-init", "etc/network/interfaces.d/50-cloud-init"));

    static Stream<String> cases() {
        return new TreeSet<>(CASES.keySet()).stream();
    }

    static TestCommandContext prepare(Path root, String name) throws IOException {
        Scenario s = ScenarioLoader.load("dual-nic-ipv4-ipv6");
        s.writeSysfs(root);
        Files.createDirectories(root.resolve("etc/network/interfaces.d"));
        Files.writeString(root.resolve(EniRenderer.INTERFACES), SOURCING_MAIN);
        CASES.get(name).forEach((fixture, path) -> ForeignFixtures.install(root, fixture, path));
        if (name.contains("cloud-init")) {
            Files.createDirectories(root.resolve("etc/cloud/cloud.cfg.d"));
        }
        return ScenarioRunner.context(root, s);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void takesOverAndIfupdownSeesOnlyOurStanzas(String name, @TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root");
        TestCommandContext ctx = prepare(root, name);
        ResetNetworkCommandHandler h = new ResetNetworkCommandHandler();
        CommandRequest req = CommandRequest.of("1", "resetnetwork", "");
        assertEquals("0", h.handle(req, ctx).returnCode());
        GoldenTrees.assertTree(Path.of("src/test/resources/takeover", name), root);
        if (name.equals("cloud-init")) {
            assertEquals(ForeignFixtures.text("cloud-init/50-cloud-init"), Files.readString(
                    root.resolve(ForeignConfigTakeover.ORIGINALS + "/etc/network/interfaces.d/50-cloud-init")));
            assertTrue(ctx.commands().contains(List.of("ifdown", "eth0")) && ctx.commands().contains(List.of("ifup", "eth0")),
                    "eth0 is bounced onto our stanza: " + ctx.commands());
        }
        if (name.contains("unsourced")) {
            assertEquals(ForeignFixtures.text("cloud-init/50-cloud-init"),
                    Files.readString(root.resolve("etc/network/interfaces.d/50-cloud-init")), "ifupdown never reads it here");
        }
        ctx.clearCommands();
        assertEquals("0", h.handle(req, ctx).returnCode());
        assertEquals(List.of(), ctx.commands(), "a repeat takes over nothing more");

        NetworkConfig config = new XenStoreNetworkParser().read(ctx.xenStore(), NicDiscovery.discover(root));
        Path file = Files.writeString(tmp.resolve("effective"), effective(root));
        String ifquery = RequiredTool.require("ifquery", "validates the taken-over interfaces").toString();
        Exec.Result list = Exec.run(ifquery, "-i", file.toString(), "-l");
        assertEquals(0, list.code(), list.output());
        List<String> expected = new ArrayList<>(List.of("lo"));
        expected.addAll(EniRenderer.interfaceNames(config));
        assertEquals(expected, list.output().lines().toList(), "lo once, our NICs once, no 2.x alias:\n" + effective(root));
        String ifup = RequiredTool.require("ifup", "dry-runs the taken-over interfaces").toString();
        Path state = Files.createDirectories(tmp.resolve("state"));
        for (NetInterface nic : config.interfaces()) {
            Exec.Result q = Exec.run(ifquery, "-i", file.toString(), nic.name());
            assertEquals(0, q.code(), q.output());
            List<String> addresses = q.output().lines().filter(l -> l.startsWith("address:")).toList();
            assertEquals(List.of("address: " + nic.ipv4().get(0).address()), addresses.subList(0, 1), q.output());
            Exec.Result dry = Exec.run(ifup, "--no-act", "-v", "-i", file.toString(), "--state-dir=" + state, nic.name());
            assertEquals(0, dry.code(), dry.output());
            for (IpAddress a : nic.ipv4()) {
                assertTrue(dry.output().contains(a.address()), dry.output());
            }
            assertFalse(dry.output().contains("dhclient") || dry.output().contains("104.130.4.73")
                    || dry.output().contains("route add -net"), "no DHCP, no 2.x alias or route:\n" + dry.output());
        }
    }

    @Test
    void dryRunShowsTheDisabledCloudInitStanza(@TempDir Path root) throws Exception {
        prepare(root, "cloud-init");
        TestCommandContext ctx = TestCommandContext.builder(root).xenStore(ScenarioLoader.load("dual-nic-ipv4-ipv6")
                .xenStore()).build().dryRun(true);
        var r = new ResetNetworkCommandHandler().handle(CommandRequest.of("1", "resetnetwork", ""), ctx);
        assertEquals("0", r.returnCode());
        assertTrue(r.message().contains("+# disabled by nova-agent: iface eth0 inet dhcp"), r.message());
        assertTrue(r.message().contains("# keep a copy of the original: var/lib/nova-agent/backup/taken-over/"), r.message());
        assertEquals(ForeignFixtures.text("cloud-init/50-cloud-init"),
                Files.readString(root.resolve("etc/network/interfaces.d/50-cloud-init")));
    }

    /** The main file with each {@code source <dir>/*} line replaced by that directory's files, as ifupdown reads it. */
    static String effective(Path root) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String line : Files.readString(root.resolve(EniRenderer.INTERFACES)).lines().toList()) {
            if (line.strip().startsWith("source ") && line.strip().endsWith("/*")) {
                Path dir = root.resolve(line.strip().substring("source /".length(), line.strip().length() - 2));
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.sorted().toList()) {
                        out.append(Files.readString(f)).append('\n');
                    }
                }
            } else {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
