/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.suse.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.HostFacts;
import org.novaagent.network.NetworkBackend;
import org.novaagent.network.testkit.ScratchContexts;
import org.novaagent.testkit.TestCommandContext;

class ResetNetworkCommandHandlerTests {

    static final String ETH0 = "{\"label\":\"public\",\"mac\":\"BC:76:4E:20:75:72\",\"gateway\":\"104.130.4.1\","
            + "\"ips\":[{\"ip\":\"104.130.4.72\",\"netmask\":\"255.255.255.0\",\"enabled\":\"1\"}],"
            + "\"dns\":[\"69.20.0.164\"]}";
    static final String ETH1 = "{\"label\":\"private\",\"mac\":\"BC:76:4E:20:6C:5B\",\"gateway\":null,"
            + "\"ips\":[{\"ip\":\"10.208.227.239\",\"netmask\":\"255.255.224.0\",\"enabled\":\"1\"}],"
            + "\"routes\":[{\"route\":\"10.208.0.0\",\"netmask\":\"255.240.0.0\",\"gateway\":\"10.208.224.1\"}]}";

    private final ResetNetworkCommandHandler handler = new ResetNetworkCommandHandler();

    private static TestCommandContext suse(Path root) throws IOException {
        TestCommandContext ctx = ScratchContexts.of(root, HostFacts.OsFamily.SUSE, "opensuse-leap", "15.6")
                .tool("/usr/sbin/wicked").nic("eth0", "bc:76:4e:20:75:72").nic("eth1", "bc:76:4e:20:6c:5b");
        WickedGoldenTests.image(root);
        return ctx;
    }

    private CommandResult reset(TestCommandContext ctx) throws Exception {
        return handler.handle(CommandRequest.of("1", "resetnetwork", ""), ctx);
    }

    @Test
    void applicableOnSuseWithWickedOrNetworkManager(@TempDir Path root) throws IOException {
        TestCommandContext rhel = ScratchContexts.of(root, HostFacts.OsFamily.RHEL, "rhel", "9.4").tool("/usr/sbin/wicked");
        assertTrue(handler.applicability(rhel.hostFacts()).reason().contains("not openSUSE"));
        TestCommandContext nm = ScratchContexts.of(root, HostFacts.OsFamily.SUSE, "opensuse-leap", "16.0");
        Files.delete(root.resolve("usr/sbin/wicked"));
        assertTrue(handler.applicability(nm.hostFacts()).reason().contains("neither wicked"));
        TestCommandContext ctx = suse(root);
        assertTrue(handler.applicability(ctx.hostFacts()).applicable());
        assertEquals(NetworkBackend.SUSE.priority(), handler.priority());
    }

    @Test
    void replacesTheImagesIfcfgReloadsAndRepeatsAsANoOp(@TempDir Path root) throws Exception {
        TestCommandContext ctx = suse(root);
        ctx.xenStoreData().put("vm-data/networking/BC764E207572", ETH0);
        ctx.xenStoreData().put("vm-data/networking/BC764E206C5B", ETH1);
        assertEquals("0", reset(ctx).returnCode());
        String eth0 = Files.readString(root.resolve("etc/sysconfig/network/ifcfg-eth0"));
        assertTrue(eth0.contains("BOOTPROTO='static'\nSTARTMODE='auto'\nIPADDR='104.130.4.72/24'\n"), eth0);
        assertEquals(WickedGoldenTests.IMAGE_IFCFG,
                Files.readString(root.resolve("var/lib/nova-agent/backup/etc/sysconfig/network/ifcfg-eth0")));
        assertTrue(Files.readString(root.resolve("etc/sysconfig/network/ifroute-eth1"))
                .contains("10.208.0.0/12 10.208.224.1 - eth1\n"));
        assertTrue(Files.readString(root.resolve("etc/sysconfig/network/config"))
                .contains("\nNETCONFIG_DNS_STATIC_SERVERS=\"69.20.0.164\"\nNETCONFIG_DNS_POLICY=\"auto\"\n"));
        assertEquals(List.of(List.of("wicked", "ifreload", "eth0", "eth1"), List.of("netconfig", "update", "-f")),
                ctx.commands().stream().filter(c -> !c.get(0).startsWith("host")).toList());
        ctx.clearCommands();
        assertEquals("0", reset(ctx).returnCode());
        assertEquals(List.of(), ctx.commands());
    }

    @Test
    void detachTakesTheNicDownAndRemovesItsFiles(@TempDir Path root) throws Exception {
        TestCommandContext ctx = suse(root);
        ctx.xenStoreData().put("vm-data/networking/BC764E207572", ETH0);
        ctx.xenStoreData().put("vm-data/networking/BC764E206C5B", ETH1);
        assertEquals("0", reset(ctx).returnCode());
        ctx.xenStoreData().remove("vm-data/networking/BC764E206C5B");
        ctx.clearCommands();
        assertEquals("0", reset(ctx).returnCode());
        assertFalse(Files.exists(root.resolve("etc/sysconfig/network/ifcfg-eth1")));
        assertFalse(Files.exists(root.resolve("etc/sysconfig/network/ifroute-eth1")));
        assertEquals(List.of(List.of("wicked", "ifdown", "eth1")), ctx.commands());
    }
}
