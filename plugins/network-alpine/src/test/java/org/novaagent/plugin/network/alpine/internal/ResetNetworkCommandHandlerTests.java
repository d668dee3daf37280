/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.alpine.internal;

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

    static final String ETH0 = "{\"label\":\"public\",\"mac\":\"BC:76:4E:20:75:72\",\"gateway\":\"104.130.4.1\","
            + "\"ips\":[{\"ip\":\"104.130.4.72\",\"netmask\":\"255.255.255.0\",\"enabled\":\"1\"}],"
            + "\"dns\":[\"69.20.0.164\"]}";
    static final String ETH1 = "{\"label\":\"private\",\"mac\":\"BC:76:4E:20:6C:5B\",\"gateway\":null,"
            + "\"ips\":[{\"ip\":\"10.208.227.239\",\"netmask\":\"255.255.224.0\",\"enabled\":\"1\"}],"
            + "\"routes\":[{\"route\":\"10.208.0.0\",\"netmask\":\"255.240.0.0\",\"gateway\":\"10.208.224.1\"}]}";

    private final ResetNetworkCommandHandler handler = new ResetNetworkCommandHandler();

    private static TestCommandContext alpine(Path root) throws IOException {
        return ScratchContexts.of(root, HostFacts.OsFamily.ALPINE, "alpine", "3.20.3").tool("/sbin/ifup")
                .file("/etc/network/interfaces", IfupdownNgGoldenTests.ALPINE_MAIN)
                .nic("eth0", "bc:76:4e:20:75:72").nic("eth1", "bc:76:4e:20:6c:5b");
    }

    private CommandResult reset(TestCommandContext ctx) throws Exception {
        return handler.handle(CommandRequest.of("1", "resetnetwork", ""), ctx);
    }

    @Test
    void applicableOnAlpineWithIfupOnly(@TempDir Path root) throws IOException {
        TestCommandContext debian = ScratchContexts.of(root, HostFacts.OsFamily.DEBIAN, "debian", "12").tool("/sbin/ifup");
        Applicability a = handler.applicability(debian.hostFacts());
        assertFalse(a.applicable());
        assertTrue(a.reason().contains("not Alpine"), a.reason());
        TestCommandContext ctx = ScratchContexts.of(root, HostFacts.OsFamily.ALPINE, "alpine", "3.20.3");
        Files.delete(root.resolve("sbin/ifup"));
        a = handler.applicability(ctx.hostFacts());
        assertFalse(a.applicable());
        assertTrue(a.reason().contains("ifupdown-ng"), a.reason());
        ctx.tool("/sbin/ifup");
        assertTrue(handler.applicability(ctx.hostFacts()).applicable());
        assertEquals("resetnetwork", handler.name());
        assertEquals(org.novaagent.network.NetworkBackend.IFUPDOWN_NG.priority(), handler.priority());
    }

    @Test
    void writesTheBlockAndResolvConfBouncesChangedInterfacesAndRepeatsAsANoOp(@TempDir Path root) throws Exception {
        TestCommandContext ctx = alpine(root);
        ctx.xenStoreData().put("vm-data/networking/BC764E207572", ETH0);
        ctx.xenStoreData().put("vm-data/networking/BC764E206C5B", ETH1);
        ctx.xenStoreData().put("vm-data/hostname", "alpine01");
        CommandResult result = reset(ctx);
        assertEquals("0", result.returnCode(), result.message());
        String main = Files.readString(root.resolve(IfupdownNgRenderer.INTERFACES));
        assertTrue(main.contains("# disabled by nova-agent: iface eth0 inet dhcp\n"), main);
        assertTrue(main.contains("iface eth0\n    address 104.130.4.72/24\n    gateway 104.130.4.1\n"), main);
        assertTrue(main.contains("    up ip route add 10.208.0.0/12 via 10.208.224.1 dev eth1\n"), main);
        assertTrue(Files.readString(root.resolve("etc/resolv.conf")).contains("nameserver 69.20.0.164\n"));
        assertEquals("alpine01\n", Files.readString(root.resolve("etc/hostname")));
        assertEquals(List.of(List.of("ifdown", "eth0"), List.of("ifdown", "eth1"),
                List.of("ip", "addr", "flush", "dev", "eth0"), List.of("ifup", "eth0"),
                List.of("ip", "addr", "flush", "dev", "eth1"), List.of("ifup", "eth1"),
                List.of("hostname", "alpine01")), sorted(ctx.commands()));

        ctx.clearCommands();
        assertEquals("0", reset(ctx).returnCode());
        assertEquals(List.of(), ctx.commands(), "identical input: nothing bounced");
    }

    @Test
    void detachTakesOnlyTheDetachedNicDown(@TempDir Path root) throws Exception {
        TestCommandContext ctx = alpine(root);
        ctx.xenStoreData().put("vm-data/networking/BC764E207572", ETH0);
        ctx.xenStoreData().put("vm-data/networking/BC764E206C5B", ETH1);
        assertEquals("0", reset(ctx).returnCode());
        ctx.xenStoreData().remove("vm-data/networking/BC764E206C5B");
        ctx.clearCommands();
        assertEquals("0", reset(ctx).returnCode());
        assertEquals(List.of(List.of("ifdown", "eth1")), ctx.commands());
        assertFalse(Files.readString(root.resolve(IfupdownNgRenderer.INTERFACES)).contains("eth1"));
    }

    @Test
    void anUnterminatedBlockAnswers500AndWritesNothing(@TempDir Path root) throws Exception {
        TestCommandContext ctx = alpine(root);
        String broken = "auto lo\niface lo inet loopback\n# BEGIN nova-agent\nauto eth0\n";
        ctx.file("/etc/network/interfaces", broken);
        ctx.xenStoreData().put("vm-data/networking/BC764E207572", ETH0);
        CommandResult result = reset(ctx);
        assertFalse(result.returnCode().equals("0"), result.message());
        assertTrue(result.message().contains("BEGIN nova-agent"), result.message());
        assertEquals(broken, Files.readString(root.resolve(IfupdownNgRenderer.INTERFACES)));
        assertFalse(Files.exists(root.resolve("etc/resolv.conf")));
        assertEquals(List.of(), ctx.commands());
    }

    /** The hostname command runs in the flow's own order; keep network commands in theirs. */
    private static List<List<String>> sorted(List<List<String>> commands) {
        List<List<String>> out = new java.util.ArrayList<>(commands.stream().filter(c -> !c.get(0).equals("hostname")).toList());
        commands.stream().filter(c -> c.get(0).equals("hostname")).forEach(out::add);
        return out;
    }
}
