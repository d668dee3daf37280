/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.networkd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.HostFacts;
import org.novaagent.network.ForeignConfigTakeover;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.NicDiscovery;
import org.novaagent.network.XenStoreNetworkParser;
import org.novaagent.network.testkit.ScenarioLoader;
import org.novaagent.network.testkit.ScratchContexts;
import org.novaagent.plugin.network.networkd.testkit.NetworkdNetns;
import org.novaagent.testkit.TestCommandContext;

/**
 * The handler over an Arch root whose {@code etc/systemd/network} holds an installer's static file
 * for eth0 sorting before ours ({@code 01-}), cloud-init's real networkd output sorting after ours,
 * and a glob file before ours: the exact one before ours is removed (original kept), the others stay,
 * a repeat runs nothing, and the real systemd-networkd over the resulting directory (in a network
 * namespace) puts only our addresses on eth0.
 */
class NetworkdTakeoverTests {

    static final String INSTALLER = "[Match]\nName=eth0\n\n[Network]\nAddress=192.0.2.9/24\n";
    /** cloud-init's {@code SAMPLE_NETWORKD_CONTENT} ({@code tests/unittests/cmd/devel/test_net_convert.py}). */
    static final String CLOUD_INIT = "[Match]\nName=eth0\n\n[Network]\nDHCP=ipv4\n";
    static final String GLOB = "[Match]\nName=en*\n\n[Network]\nDHCP=yes\n";

    @Test
    void theFileThatWouldWinGoesAndNetworkdAppliesOurs(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root");
        var scenario = ScenarioLoader.load("dual-nic-ipv4-ipv6");
        scenario.writeSysfs(root);
        TestCommandContext ctx = ScratchContexts.of(root, HostFacts.OsFamily.ARCH, "arch", "")
                .tool("/usr/lib/systemd/systemd-networkd").tool("/usr/bin/networkctl");
        ctx.useXenStore(scenario.xenStore());
        Path wants = Files.createDirectories(root.resolve("etc/systemd/system/multi-user.target.wants"));
        Files.createSymbolicLink(wants.resolve("systemd-networkd.service"),
                Path.of("/usr/lib/systemd/system/systemd-networkd.service"));
        Path dir = Files.createDirectories(root.resolve(NetworkdRenderer.DIR));
        Files.writeString(dir.resolve("01-installer-eth0.network"), INSTALLER);
        Files.writeString(dir.resolve("10-cloud-init-eth0.network"), CLOUD_INIT);
        Files.writeString(dir.resolve("02-en-glob.network"), GLOB);

        ResetNetworkCommandHandler h = new ResetNetworkCommandHandler();
        CommandRequest req = CommandRequest.of("1", "resetnetwork", "");
        assertEquals("0", h.handle(req, ctx).returnCode());
        assertFalse(Files.exists(dir.resolve("01-installer-eth0.network")));
        assertEquals(INSTALLER, Files.readString(root.resolve(ForeignConfigTakeover.ORIGINALS + "/"
                + NetworkdRenderer.DIR + "/01-installer-eth0.network")));
        assertEquals(CLOUD_INIT, Files.readString(dir.resolve("10-cloud-init-eth0.network")), "never applies to eth0");
        assertEquals(GLOB, Files.readString(dir.resolve("02-en-glob.network")), "a glob may serve other links");
        assertTrue(ctx.commands().contains(List.of("networkctl", "reconfigure", "eth0", "eth1")), ctx.commands().toString());
        ctx.clearCommands();
        assertEquals("0", h.handle(req, ctx).returnCode());
        assertEquals(List.of(), ctx.commands(), "a repeat takes over nothing more");

        Files.delete(dir.resolve("02-en-glob.network"));
        NetworkConfig config = new XenStoreNetworkParser().read(ctx.xenStore(), NicDiscovery.discover(root));
        Map<String, String> nics = new LinkedHashMap<>();
        config.interfaces().forEach(nic -> nics.put(nic.name(), nic.mac()));
        NetworkdNetns.Result result = NetworkdNetns.run(dir, nics, NetworkdNetnsTests.expectations(config), tmp);
        for (String e : NetworkdNetnsTests.expectations(config)) {
            assertTrue(result.state().contains(e), e + " missing:\n" + result.state() + "\n" + result.log());
        }
        assertFalse(result.state().contains("192.0.2.9"), "the installer's address is gone:\n" + result.state());
    }
}
