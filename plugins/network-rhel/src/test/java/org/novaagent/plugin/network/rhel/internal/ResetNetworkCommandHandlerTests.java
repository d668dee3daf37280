/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.rhel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.Applicability;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.HostFacts;
import org.novaagent.network.testkit.ScratchContexts;
import org.novaagent.testkit.TestCommandContext;

class ResetNetworkCommandHandlerTests {

    static final String ETH0 = "{\"label\":\"public\",\"mac\":\"BC:76:4E:20:75:72\",\"gateway\":\"104.130.4.1\","
            + "\"ips\":[{\"ip\":\"104.130.4.72\",\"netmask\":\"255.255.255.0\",\"enabled\":\"1\"}]}";

    private final ResetNetworkCommandHandler handler = new ResetNetworkCommandHandler();

    @Test
    void applicabilityGivesReasons(@TempDir Path root) throws Exception {
        Applicability rhel = handler.applicability(ScratchContexts.of(root, HostFacts.OsFamily.RHEL, "rocky", "9.4").hostFacts());
        assertTrue(rhel.applicable());
        assertTrue(rhel.reason().contains("rocky 9.4"), rhel.reason());
        Applicability debian = handler.applicability(ScratchContexts.of(root, HostFacts.OsFamily.DEBIAN, "debian", "12")
                .file("/etc/NetworkManager/NetworkManager.conf", "").hostFacts());
        assertFalse(debian.applicable(), "a Debian with NetworkManager is not RHEL");
        assertTrue(debian.reason().contains("not a RHEL-family system"), debian.reason());
        Applicability like = handler.applicability(ScratchContexts.of(root, HostFacts.OsFamily.OTHER, "centos", "7")
                .hostFacts());
        assertTrue(like.applicable(), like.reason());
        assertEquals(org.novaagent.network.NetworkBackend.RHEL.priority(), handler.priority());
    }

    @Test
    void el9WithNetworkManagerWritesIfcfgAndActivatesByUuid(@TempDir Path root) throws Exception {
        TestCommandContext ctx = ScratchContexts.of(root, HostFacts.OsFamily.RHEL, "rhel", "9.4").tool("/usr/bin/nmcli")
                .nic("eth0", "bc:76:4e:20:75:72");
        ctx.xenStoreData().put("vm-data/networking/BC764E207572", ETH0);
        assertEquals("0", handler.handle(CommandRequest.of("1", "resetnetwork", ""), ctx).returnCode());
        assertTrue(Files.readString(root.resolve(RhelNames.ifcfg("eth0"))).contains("NM_CONTROLLED=yes\n"));
        assertEquals(List.of(List.of("nmcli", "connection", "reload"),
                List.of("nmcli", "connection", "load", "/etc/sysconfig/network-scripts/ifcfg-eth0"),
                List.of("nmcli", "connection", "up", "uuid", RhelNames.uuid("bc:76:4e:20:75:72"))), ctx.commands());
    }

    @Test
    void el10WritesKeyfilesOnly(@TempDir Path root) throws Exception {
        TestCommandContext ctx = ScratchContexts.of(root, HostFacts.OsFamily.RHEL, "almalinux", "10.0").tool("/usr/bin/nmcli")
                .nic("eth0", "bc:76:4e:20:75:72");
        ctx.xenStoreData().put("vm-data/networking/BC764E207572", ETH0);
        assertEquals("0", handler.handle(CommandRequest.of("1", "resetnetwork", ""), ctx).returnCode());
        Path keyfile = root.resolve(RhelNames.keyfile("eth0"));
        assertTrue(Files.readString(keyfile).contains("address1=104.130.4.72/24,104.130.4.1\n"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(keyfile)));
        assertFalse(Files.exists(root.resolve(RhelNames.SCRIPTS)));
        assertEquals(List.of(List.of("nmcli", "connection", "reload"),
                List.of("nmcli", "connection", "up", "uuid", RhelNames.uuid("bc:76:4e:20:75:72"))), ctx.commands());
    }

    @Test
    void withoutNetworkManagerTheLegacyServiceRestarts(@TempDir Path root) throws Exception {
        TestCommandContext ctx = ScratchContexts.of(root, HostFacts.OsFamily.RHEL, "centos", "7").tool("/usr/bin/systemctl")
                .nic("eth0", "bc:76:4e:20:75:72");
        ctx.xenStoreData().put("vm-data/networking/BC764E207572", ETH0);
        assertEquals("0", handler.handle(CommandRequest.of("1", "resetnetwork", ""), ctx).returnCode());
        assertTrue(Files.readString(root.resolve(RhelNames.ifcfg("eth0"))).contains("NM_CONTROLLED=no\n"));
        assertEquals(List.of(List.of("ip", "addr", "flush", "dev", "eth0"), List.of("systemctl", "restart", "network")),
                ctx.commands());
    }
}
