/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.freebsd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.novaagent.testkit.Exec;
import org.novaagent.testkit.RequiredTool;
import org.novaagent.testkit.TestCommandContext;

/**
 * The handler over a FreeBSD root whose {@code rc.conf.local} (read after rc.conf) sets eth0 to DHCP
 * and another default router: those lines are commented out (original kept), other lines and other
 * NICs' stay, a repeat runs nothing, and {@code sh} reading rc.conf then rc.conf.local as rc.subr does
 * sees exactly our variables.
 */
class RcConfTakeoverTests {

    static final String LOCAL = "sshd_enable=\"YES\"\nifconfig_eth0=\"DHCP\"\nifconfig_eth0_ipv6=\"inet6 accept_rtadv\"\n"
            + "defaultrouter=\"192.0.2.1\"\nifconfig_eth9=\"DHCP\"\n";

    @Test
    void laterFilesNoLongerOverrideOurVariables(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root");
        var scenario = ScenarioLoader.load("dual-nic-ipv4-ipv6");
        scenario.writeSysfs(root);
        TestCommandContext ctx = ScratchContexts.of(root, HostFacts.OsFamily.FREEBSD, "freebsd", "14.1")
                .tool("/usr/sbin/service").tool("/sbin/ifconfig")
                .file("/etc/rc.conf", RcConfGoldenTests.IMAGE_RC_CONF).file("/etc/rc.conf.local", LOCAL);
        ctx.useXenStore(scenario.xenStore());
        ResetNetworkCommandHandler h = new ResetNetworkCommandHandler();
        CommandRequest req = CommandRequest.of("1", "resetnetwork", "");
        assertEquals("0", h.handle(req, ctx).returnCode());
        String local = Files.readString(root.resolve("etc/rc.conf.local"));
        assertTrue(local.startsWith(ForeignConfigTakeover.MARKER_PREFIX)
                && local.contains(ForeignConfigTakeover.DISABLED + "ifconfig_eth0=\"DHCP\"")
                && local.contains(ForeignConfigTakeover.DISABLED + "defaultrouter=")
                && local.contains("\nifconfig_eth9=\"DHCP\"\n") && local.contains("\nsshd_enable=\"YES\"\n"), local);
        assertEquals(LOCAL, Files.readString(root.resolve(ForeignConfigTakeover.ORIGINALS + "/etc/rc.conf.local")));
        assertTrue(ctx.commands().contains(List.of("service", "netif", "restart", "eth0")), ctx.commands().toString());
        ctx.clearCommands();
        assertEquals("0", h.handle(req, ctx).returnCode());
        assertEquals(List.of(), ctx.commands(), "a repeat takes over nothing more");

        NetworkConfig config = new XenStoreNetworkParser().read(ctx.xenStore(), NicDiscovery.discover(root));
        Map<String, String> wanted = RcConfVariables.of(config);
        String sh = RequiredTool.require("sh", "reads rc.conf and rc.conf.local as rc.subr does").toString();
        StringBuilder script = new StringBuilder("set -eu; . \"$1\"; . \"$2\"");
        for (String name : List.of("ifconfig_eth0", "ifconfig_eth0_ipv6", "defaultrouter", "ifconfig_eth9", "sshd_enable")) {
            script.append("; printf '%s=%s\\n' ").append(name).append(" \"${").append(name).append(":-}\"");
        }
        Exec.Result r = Exec.run(sh, "-c", script.toString(), "sh", root.resolve("etc/rc.conf").toString(),
                root.resolve("etc/rc.conf.local").toString());
        assertEquals(0, r.code(), r.output());
        assertEquals(List.of("ifconfig_eth0=" + wanted.get("ifconfig_eth0"), "ifconfig_eth0_ipv6=" + wanted.get("ifconfig_eth0_ipv6"),
                "defaultrouter=" + wanted.get("defaultrouter"), "ifconfig_eth9=DHCP", "sshd_enable=YES"), r.output().lines().toList());
    }
}
