/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.networkd.internal;

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
import org.novaagent.testkit.TestHostFacts;

class ResetNetworkCommandHandlerTests {

    static final String ETH0 = "{\"label\":\"public\",\"mac\":\"BC:76:4E:20:75:72\",\"gateway\":\"104.130.4.1\","
            + "\"ips\":[{\"ip\":\"104.130.4.72\",\"netmask\":\"255.255.255.0\",\"enabled\":\"1\"}],"
            + "\"dns\":[\"69.20.0.164\"]}";
    static final String ETH1 = "{\"label\":\"private\",\"mac\":\"BC:76:4E:20:6C:5B\",\"gateway\":null,"
            + "\"ips\":[{\"ip\":\"10.208.227.239\",\"netmask\":\"255.255.224.0\",\"enabled\":\"1\"}],"
            + "\"routes\":[{\"route\":\"10.208.0.0\",\"netmask\":\"255.240.0.0\",\"gateway\":\"10.208.224.1\"}]}";
    static final String WANTS = "/etc/systemd/system/multi-user.target.wants/";

    private final ResetNetworkCommandHandler handler = new ResetNetworkCommandHandler();

    private static TestCommandContext arch(Path root) throws IOException {
        TestCommandContext ctx = ScratchContexts.of(root, HostFacts.OsFamily.ARCH, "arch", "")
                .tool("/usr/lib/systemd/systemd-networkd").tool("/usr/bin/networkctl")
                .nic("eth0", "bc:76:4e:20:75:72").nic("eth1", "bc:76:4e:20:6c:5b");
        enable(root, "systemd-networkd.service");
        return ctx;
    }

    /** What {@code systemctl enable} leaves: an absolute symlink, dangling under a scratch root. */
    private static void enable(Path root, String unit) throws IOException {
        Path wants = Files.createDirectories(root.resolve(WANTS.substring(1)));
        Files.createSymbolicLink(wants.resolve(unit), Path.of("/usr/lib/systemd/system/" + unit));
    }

    private CommandResult reset(TestCommandContext ctx) throws Exception {
        return handler.handle(CommandRequest.of("1", "resetnetwork", ""), ctx);
    }

    @Test
    void applicableWhenNetworkdIsEnabledAndSaysWhyNotOtherwise(@TempDir Path root) throws IOException {
        TestCommandContext ctx = ScratchContexts.of(root, HostFacts.OsFamily.ARCH, "arch", "");
        assertTrue(reason(ctx).contains("not installed"), reason(ctx));
        ctx.tool("/usr/lib/systemd/systemd-networkd");
        assertTrue(reason(ctx).contains("not enabled"), reason(ctx));
        enable(root, "systemd-networkd.service");
        assertTrue(reason(ctx).contains("networkctl"), reason(ctx));
        ctx.tool("/usr/bin/networkctl");
        assertTrue(handler.applicability(ctx.hostFacts()).applicable(), reason(ctx));
        enable(root, "NetworkManager.service");
        assertTrue(reason(ctx).contains("NetworkManager"), reason(ctx));
        HostFacts openrc = TestHostFacts.builder(root).init(HostFacts.InitSystem.OPENRC).build();
        assertTrue(handler.applicability(openrc).reason().contains("not a systemd system"));
        assertEquals(org.novaagent.network.NetworkBackend.NETWORKD.priority(), handler.priority());
    }

    private String reason(TestCommandContext ctx) {
        Applicability a = handler.applicability(ctx.hostFacts());
        return (a.applicable() ? "yes: " : "no: ") + a.reason();
    }

    @Test
    void writesOneFilePerNicReloadsReconfiguresAndRepeatsAsANoOp(@TempDir Path root) throws Exception {
        TestCommandContext ctx = arch(root);
        ctx.xenStoreData().put("vm-data/networking/BC764E207572", ETH0);
        ctx.xenStoreData().put("vm-data/networking/BC764E206C5B", ETH1);
        assertEquals("0", reset(ctx).returnCode());
        String eth0 = Files.readString(root.resolve(NetworkdRenderer.path("eth0")));
        assertTrue(eth0.contains("[Match]\nMACAddress=bc:76:4e:20:75:72\nType=ether\n"), eth0);
        assertTrue(eth0.contains("Address=104.130.4.72/24\nGateway=104.130.4.1\nDNS=69.20.0.164\n"), eth0);
        String eth1 = Files.readString(root.resolve(NetworkdRenderer.path("eth1")));
        assertTrue(eth1.contains("[Route]\nDestination=10.208.0.0/12\nGateway=10.208.224.1\n"), eth1);
        assertEquals(List.of(List.of("networkctl", "reload"), List.of("networkctl", "reconfigure", "eth0", "eth1")),
                ctx.commands());

        ctx.clearCommands();
        assertEquals("0", reset(ctx).returnCode());
        assertEquals(List.of(), ctx.commands(), "identical input: nothing reloaded");
    }

    @Test
    void detachRemovesTheFileAndOnlyReloads(@TempDir Path root) throws Exception {
        TestCommandContext ctx = arch(root);
        ctx.xenStoreData().put("vm-data/networking/BC764E207572", ETH0);
        ctx.xenStoreData().put("vm-data/networking/BC764E206C5B", ETH1);
        assertEquals("0", reset(ctx).returnCode());
        ctx.xenStoreData().remove("vm-data/networking/BC764E206C5B");
        ctx.clearCommands();
        assertEquals("0", reset(ctx).returnCode());
        assertFalse(Files.exists(root.resolve(NetworkdRenderer.path("eth1"))));
        assertEquals(List.of(List.of("networkctl", "reload")), ctx.commands());
    }

    @Test
    void anOperatorsNetworkFileIsNeverRemoved(@TempDir Path root) throws Exception {
        TestCommandContext ctx = arch(root);
        ctx.file("/etc/systemd/network/05-nova-agent-eth9.network", "[Match]\nName=eth9\n");
        ctx.xenStoreData().put("vm-data/networking/BC764E207572", ETH0);
        assertEquals("0", reset(ctx).returnCode());
        assertTrue(Files.exists(root.resolve("etc/systemd/network/05-nova-agent-eth9.network")), "no header: not ours");
    }
}
