/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The scratch trees {@link DistroRootBuilder} lays out for each distro. */
class DistroRootBuilderTests {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Distro.class)
    void commonLayout(Distro distro) throws Exception {
        Path root = DistroRootBuilder.build(tmp.resolve("root"), distro);
        String osRelease = Files.readString(root.resolve("etc/os-release"));
        assertTrue(osRelease.contains("\nID=" + distro.id() + "\n"), osRelease);
        assertTrue(distro.versionId().isEmpty() ? osRelease.contains("BUILD_ID=rolling")
                : osRelease.contains("VERSION_ID=\"" + distro.versionId() + "\""), osRelease);
        assertTrue(Files.readString(root.resolve("etc/shadow")).startsWith("root:*:"));
        assertTrue(Files.readString(root.resolve("etc/passwd")).startsWith("root:x:0:0:"));
        assertEquals("bc:76:4e:20:75:72\n", Files.readString(root.resolve("sys/class/net/eth0/address")));
        for (String nic : List.of("eth0", "eth1", "eth2")) {
            assertEquals("1\n", Files.readString(root.resolve("sys/class/net/" + nic + "/type")));
            assertTrue(Files.isDirectory(root.resolve("sys/class/net/" + nic + "/device")));
        }
        assertTrue(Files.exists(root.resolve("sys/class/net/tun0/tun_flags")));
        assertTrue(Files.isDirectory(root.resolve("sys/class/net/docker0/bridge")));
        assertTrue(Files.isRegularFile(root.resolve("etc/hostname")));
    }

    @Test
    void debian() throws Exception {
        Path root = DistroRootBuilder.build(tmp, Distro.DEBIAN);
        assertTrue(Files.readString(root.resolve("etc/network/interfaces")).contains("source /etc/network/interfaces.d/*"));
        assertTrue(Files.isDirectory(root.resolve("etc/network/interfaces.d")));
        for (String tool : List.of("usr/sbin/ifup", "usr/sbin/ifdown", "usr/sbin/ip")) {
            assertTrue(Files.isExecutable(root.resolve(tool)), tool);
        }
        assertFalse(Files.exists(root.resolve("etc/netplan")));
        assertFalse(Files.exists(root.resolve("etc/sysconfig")));
    }

    @Test
    void ubuntu() throws Exception {
        Path root = DistroRootBuilder.build(tmp, Distro.UBUNTU);
        assertTrue(Files.readString(root.resolve("etc/os-release")).contains("ID_LIKE=debian"));
        assertTrue(Files.isExecutable(root.resolve("usr/sbin/netplan")));
        assertTrue(Files.readString(root.resolve("etc/netplan/50-cloud-init.yaml")).contains("dhcp4: true"));
        assertFalse(Files.exists(root.resolve("etc/network/interfaces")));
    }

    @Test
    void rhel() throws Exception {
        Path root = DistroRootBuilder.build(tmp, Distro.RHEL);
        assertTrue(Files.readString(root.resolve("etc/os-release")).contains("ID_LIKE=fedora"));
        assertTrue(Files.isDirectory(root.resolve("etc/sysconfig/network-scripts")));
        assertTrue(Files.isRegularFile(root.resolve("etc/redhat-release")));
        assertTrue(Files.isExecutable(root.resolve("usr/bin/nmcli")));
        assertTrue(Files.isDirectory(root.resolve("etc/NetworkManager")));
    }

    @Test
    void alpine() throws Exception {
        Path root = DistroRootBuilder.build(tmp, Distro.ALPINE);
        assertEquals("3.20.3\n", Files.readString(root.resolve("etc/alpine-release")));
        assertTrue(Files.readString(root.resolve("etc/network/interfaces")).contains("iface eth0 inet dhcp"));
        for (String tool : List.of("sbin/ifup", "sbin/ifdown", "sbin/ip", "sbin/openrc")) {
            assertTrue(Files.isExecutable(root.resolve(tool)), tool);
        }
        assertTrue(Files.readString(root.resolve("sys/class/net/veth0/uevent")).contains("DEVTYPE=veth"));
        assertFalse(Files.exists(root.resolve("etc/network/interfaces.d")));
    }

    @Test
    void arch() throws Exception {
        Path root = DistroRootBuilder.build(tmp, Distro.ARCH);
        assertTrue(Files.isSymbolicLink(root.resolve("etc/systemd/system/multi-user.target.wants/systemd-networkd.service")));
        assertTrue(Files.readString(root.resolve("etc/systemd/network/20-wired.network")).contains("DHCP=yes"));
        assertTrue(Files.isExecutable(root.resolve("usr/bin/networkctl")));
    }

    @Test
    void unknownDistroIsRejectedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Distro.parse("gentoo"));
        assertTrue(e.getMessage().contains("debian, ubuntu, rhel, alpine or arch"));
        assertEquals(Distro.RHEL, Distro.parse("RHEL"));
    }
}
