/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.freebsd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.Applicability;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.HostFacts;
import org.novaagent.network.testkit.ScratchContexts;
import org.novaagent.testkit.TestCommandContext;

class ResetNetworkCommandHandlerTests {

    static final String XN0 = "{\"label\":\"public\",\"mac\":\"BC:76:4E:20:75:72\",\"gateway\":\"104.130.4.1\","
            + "\"ips\":[{\"ip\":\"104.130.4.72\",\"netmask\":\"255.255.255.0\",\"enabled\":\"1\"}],"
            + "\"dns\":[\"69.20.0.164\"]}";
    static final String XN1 = "{\"label\":\"private\",\"mac\":\"BC:76:4E:20:6C:5B\",\"gateway\":null,"
            + "\"ips\":[{\"ip\":\"10.208.227.239\",\"netmask\":\"255.255.224.0\",\"enabled\":\"1\"}],"
            + "\"routes\":[{\"route\":\"10.208.0.0\",\"netmask\":\"255.240.0.0\",\"gateway\":\"10.208.224.1\"}]}";

    private final ResetNetworkCommandHandler handler = new ResetNetworkCommandHandler();

    private static TestCommandContext freebsd(Path root) throws IOException {
        return ScratchContexts.of(root, HostFacts.OsFamily.FREEBSD, "freebsd", "14.1")
                .tool("/usr/sbin/service").tool("/sbin/ifconfig")
                .file("/etc/rc.conf", "hostname=\"freebsd\"\nifconfig_xn0=\"DHCP\"\nsshd_enable=\"YES\"\n")
                .nic("xn0", "bc:76:4e:20:75:72").nic("xn1", "bc:76:4e:20:6c:5b")
                // netfront's device link: what makes a NIC real in the scratch-root layout
                .file("/sys/class/net/xn0/device/modalias", "xen:vif\n").file("/sys/class/net/xn1/device/modalias", "xen:vif\n");
    }

    private CommandResult reset(TestCommandContext ctx) throws Exception {
        return handler.handle(CommandRequest.of("1", "resetnetwork", ""), ctx);
    }

    @Test
    void applicableOnFreebsdWithItsToolsOnly(@TempDir Path root) throws IOException {
        TestCommandContext linux = ScratchContexts.of(root, HostFacts.OsFamily.DEBIAN, "debian", "12");
        assertTrue(handler.applicability(linux.hostFacts()).reason().contains("not FreeBSD"));
        TestCommandContext ctx = ScratchContexts.of(root, HostFacts.OsFamily.FREEBSD, "freebsd", "14.1");
        Applicability a = handler.applicability(ctx.hostFacts());
        assertFalse(a.applicable());
        assertTrue(a.reason().contains("service(8)"), a.reason());
        ctx.tool("/usr/sbin/service").tool("/sbin/ifconfig");
        assertTrue(handler.applicability(ctx.hostFacts()).applicable());
    }

    @Test
    void editsRcConfRestartsChangedInterfacesAndRoutingAndRepeatsAsANoOp(@TempDir Path root) throws Exception {
        TestCommandContext ctx = freebsd(root);
        ctx.xenStoreData().put("vm-data/networking/BC764E207572", XN0);
        ctx.xenStoreData().put("vm-data/networking/BC764E206C5B", XN1);
        ctx.xenStoreData().put("vm-data/hostname", "bsd01");
        CommandResult result = reset(ctx);
        assertEquals("0", result.returnCode(), result.message());
        String rc = Files.readString(root.resolve("etc/rc.conf"));
        assertEquals("hostname=\"bsd01\" # nova-agent\nifconfig_xn0=\"inet 104.130.4.72/24\" # nova-agent\n"
                + "sshd_enable=\"YES\"\nifconfig_xn1=\"inet 10.208.227.239/19\" # nova-agent\n"
                + "route_nova0=\"-net 10.208.0.0/12 10.208.224.1\" # nova-agent\n"
                + "defaultrouter=\"104.130.4.1\" # nova-agent\nstatic_routes=\"nova0\" # nova-agent\n", rc);
        assertTrue(Files.readString(root.resolve("etc/resolv.conf")).contains("nameserver 69.20.0.164\n"));
        assertTrue(Files.exists(root.resolve("var/lib/nova-agent/backup/etc/rc.conf")), "the image's rc.conf is kept");
        List<List<String>> network = ctx.commands().stream().filter(c -> !c.get(0).equals("hostname")).toList();
        assertEquals(List.of(List.of("service", "netif", "restart", "xn0"), List.of("service", "netif", "restart", "xn1"),
                List.of("service", "routing", "restart")), network);
        assertTrue(ctx.commands().contains(List.of("hostname", "bsd01")), ctx.commands().toString());

        ctx.clearCommands();
        assertEquals("0", reset(ctx).returnCode());
        assertEquals(List.of(), ctx.commands(), "identical input: nothing restarted");
    }

    @Test
    void detachStopsTheInterfaceAndDropsItsVariables(@TempDir Path root) throws Exception {
        TestCommandContext ctx = freebsd(root);
        ctx.xenStoreData().put("vm-data/networking/BC764E207572", XN0);
        ctx.xenStoreData().put("vm-data/networking/BC764E206C5B", XN1);
        assertEquals("0", reset(ctx).returnCode());
        ctx.xenStoreData().remove("vm-data/networking/BC764E206C5B");
        ctx.clearCommands();
        assertEquals("0", reset(ctx).returnCode());
        String rc = Files.readString(root.resolve("etc/rc.conf"));
        assertFalse(rc.contains("xn1") || rc.contains("nova0"), rc);
        assertEquals(List.of(List.of("service", "netif", "stop", "xn1"), List.of("service", "routing", "restart")),
                ctx.commands());
    }
}
