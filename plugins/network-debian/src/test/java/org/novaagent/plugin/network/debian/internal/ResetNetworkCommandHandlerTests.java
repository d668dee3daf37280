/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.debian.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.Applicability;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.HostFacts;
import org.novaagent.network.NetworkBackend;
import org.novaagent.network.ResetNetworkFlow;
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

    private static TestCommandContext debian(Path root) throws IOException {
        return ScratchContexts.of(root, HostFacts.OsFamily.DEBIAN, "debian", "12").tool("/usr/sbin/ifup")
                .file("/etc/network/interfaces", "auto lo\niface lo inet loopback\n\nsource /etc/network/interfaces.d/*\n")
                .nic("eth0", "bc:76:4e:20:75:72").nic("eth1", "bc:76:4e:20:6c:5b");
    }

    private CommandResult reset(TestCommandContext ctx) throws Exception {
        return handler.handle(CommandRequest.of("1", "resetnetwork", ""), ctx);
    }

    @Test
    void applicabilityNamesItsReason(@TempDir Path root) throws IOException {
        TestCommandContext ctx = ScratchContexts.of(root, HostFacts.OsFamily.DEBIAN, "debian", "12");
        Applicability a = handler.applicability(ctx.hostFacts());
        assertFalse(a.applicable());
        assertTrue(a.reason().contains("etc/network/interfaces"), a.reason());
        ctx.file("/etc/network/interfaces", "auto lo\n");
        assertTrue(handler.applicability(ctx.hostFacts()).reason().contains("ifup"));
        ctx.tool("/sbin/ifup");
        assertTrue(handler.applicability(ctx.hostFacts()).applicable());
        Files.createDirectories(root.resolve("etc/netplan"));
        ctx.tool("/usr/sbin/netplan");
        assertTrue(handler.applicability(ctx.hostFacts()).applicable(),
                "netplan present too: still applicable; NetworkBackend's order makes netplan win, not this handler");
        assertEquals("resetnetwork", handler.name());
        assertEquals(NetworkBackend.IFUPDOWN.priority(), handler.priority());
        assertTrue(handler.priority() < NetworkBackend.NETPLAN.priority());
        assertEquals(Optional.of(ResetNetworkFlow.REQUEST_TIMEOUT), handler.timeout());
        assertTrue(handler.supportsDryRun());
    }

    @Test
    void notApplicableOnAlpineWhoseIfupIsIfupdownNg(@TempDir Path root) throws IOException {
        TestCommandContext ctx = ScratchContexts.of(root, HostFacts.OsFamily.ALPINE, "alpine", "3.20.3")
                .tool("/sbin/ifup").file("/etc/network/interfaces", "auto lo\niface lo inet loopback\n");
        Applicability a = handler.applicability(ctx.hostFacts());
        assertFalse(a.applicable());
        assertTrue(a.reason().contains("ifupdown-ng") && a.reason().contains("network-alpine"), a.reason());
    }

    @Test
    void writesTheDropInBouncesChangedInterfacesAndRepeatsAsANoOp(@TempDir Path root) throws Exception {
        TestCommandContext ctx = debian(root);
        ctx.xenStoreData().put("vm-data/networking/BC764E207572", ETH0);
        ctx.xenStoreData().put("vm-data/networking/BC764E206C5B", ETH1);
        assertEquals("0", reset(ctx).returnCode());
        String dropIn = Files.readString(root.resolve(EniRenderer.DROP_IN));
        assertTrue(dropIn.contains("iface eth0 inet static\n    address 104.130.4.72/24\n"), dropIn);
        assertTrue(dropIn.contains("    up ip route add 10.208.0.0/12 via 10.208.224.1 dev eth1\n"), dropIn);
        assertEquals(List.of(List.of("ifdown", "eth0"), List.of("ifdown", "eth1"),
                List.of("ip", "addr", "flush", "dev", "eth0"), List.of("ifup", "eth0"),
                List.of("ip", "addr", "flush", "dev", "eth1"), List.of("ifup", "eth1")), ctx.commands());

        ctx.clearCommands();
        assertEquals("0", reset(ctx).returnCode());
        assertEquals(List.of(), ctx.commands(), "identical input: nothing bounced");
    }

    @Test
    void attachBouncesOnlyTheNewNicAndDetachRemovesItsStanza(@TempDir Path root) throws Exception {
        TestCommandContext ctx = debian(root);
        ctx.xenStoreData().put("vm-data/networking/BC764E207572", ETH0);
        assertEquals("0", reset(ctx).returnCode());
        ctx.clearCommands();
        ctx.xenStoreData().put("vm-data/networking/BC764E206C5B", ETH1);
        assertEquals("0", reset(ctx).returnCode());
        assertEquals(List.of(List.of("ifdown", "eth1"), List.of("ip", "addr", "flush", "dev", "eth1"),
                List.of("ifup", "eth1")), ctx.commands());

        ctx.clearCommands();
        ctx.xenStoreData().remove("vm-data/networking/BC764E206C5B");
        assertEquals("0", reset(ctx).returnCode());
        assertFalse(Files.readString(root.resolve(EniRenderer.DROP_IN)).contains("eth1"));
        assertEquals(List.of(List.of("ifdown", "eth1")), ctx.commands(), "a detached NIC is only taken down");
    }

    @Test
    void unterminatedBlockAnswers500AndWritesNothing(@TempDir Path root) throws Exception {
        TestCommandContext ctx = debian(root).file("/etc/network/interfaces", "# BEGIN nova-agent\nauto eth0\n");
        ctx.xenStoreData().put("vm-data/networking/BC764E207572", ETH0);
        CommandResult r = reset(ctx);
        assertEquals("500", r.returnCode());
        assertTrue(r.message().contains("END nova-agent"), r.message());
        assertFalse(Files.exists(root.resolve(EniRenderer.DROP_IN)));
        assertEquals(List.of(), ctx.commands());
    }
}
