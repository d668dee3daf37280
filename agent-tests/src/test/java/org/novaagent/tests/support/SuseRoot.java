/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import org.novaagent.host.demo.DemoNetwork;

/**
 * Scratch roots laid out like openSUSE Xen guests (the demo's distros do not include SUSE): os-release
 * with {@code ID_LIKE="suse opensuse"}, systemd, shadow, NICs eth0–eth2 in the shared scratch layout next
 * to lo, tun0 and docker0, and either Leap 15.6 with wicked (the image's {@code ifcfg-eth0} on DHCP and
 * netconfig's {@code config}, {@code network.service -> wicked.service}) or Leap 16.0 with NetworkManager
 * (the installer's "Wired connection 1" profile for eth0, {@code network.service -> NetworkManager.service}).
 */
public final class SuseRoot {

    /** The Leap 15 image's ifcfg-eth0. */
    public static final String IMAGE_IFCFG = "BOOTPROTO='dhcp'\nSTARTMODE='auto'\n";
    /** The Leap 16 installer's profile for eth0. */
    public static final String INSTALLER_PROFILE = "[connection]\nid=Wired connection 1\n"
            + "uuid=3f0cf5e5-5f8a-3c4b-9c10-7d3b0d0a0b01\ntype=ethernet\ninterface-name=eth0\n\n[ipv4]\nmethod=auto\n";

    private SuseRoot() {
    }

    /**
     * @param root an empty or missing directory
     * @return {@code root}, openSUSE Leap 15.6 with wicked
     * @throws IOException when a file cannot be written
     */
    public static Path leap15Wicked(Path root) throws IOException {
        common(root, "15.6");
        write(root, "etc/sysconfig/network/ifcfg-eth0", IMAGE_IFCFG);
        write(root, "etc/sysconfig/network/ifcfg-lo", "IPADDR='127.0.0.1/8'\nSTARTMODE='nfsroot'\n");
        write(root, "etc/sysconfig/network/config", "NETCONFIG_DNS_STATIC_SERVERS=\"\"\nNETCONFIG_DNS_POLICY=\"auto\"\n");
        tool(root, "usr/sbin/wicked");
        tool(root, "sbin/netconfig");
        alias(root, "wicked.service");
        return root;
    }

    /**
     * @param root an empty or missing directory
     * @return {@code root}, openSUSE Leap 16.0 with NetworkManager
     * @throws IOException when a file cannot be written
     */
    public static Path leap16NetworkManager(Path root) throws IOException {
        common(root, "16.0");
        write(root, "etc/NetworkManager/system-connections/Wired connection 1.nmconnection", INSTALLER_PROFILE);
        Files.setPosixFilePermissions(root.resolve("etc/NetworkManager/system-connections/Wired connection 1.nmconnection"),
                PosixFilePermissions.fromString("rw-------"));
        tool(root, "usr/bin/nmcli");
        alias(root, "NetworkManager.service");
        return root;
    }

    private static void common(Path root, String version) throws IOException {
        write(root, "etc/os-release", "NAME=\"openSUSE Leap\"\nVERSION=\"" + version + "\"\nID=\"opensuse-leap\"\n"
                + "ID_LIKE=\"suse opensuse\"\nVERSION_ID=\"" + version + "\"\n");
        write(root, "etc/passwd", "root:x:0:0:root:/root:/bin/bash\n");
        write(root, "etc/shadow", "root:*:19800::::::\n");
        Files.setPosixFilePermissions(root.resolve("etc/shadow"), PosixFilePermissions.fromString("rw-------"));
        write(root, "etc/hostname", "localhost\n");
        tool(root, "usr/lib/systemd/systemd");
        tool(root, "usr/bin/hostnamectl");
        tool(root, "usr/sbin/ip");
        nic(root, "eth0", DemoNetwork.ETH0_MAC);
        nic(root, "eth1", DemoNetwork.ETH1_MAC);
        nic(root, "eth2", DemoNetwork.ETH2_MAC);
        Path lo = Files.createDirectories(root.resolve("sys/class/net/lo"));
        Files.writeString(lo.resolve("address"), "00:00:00:00:00:00\n");
        Files.writeString(lo.resolve("type"), "772\n");
        Path tun = Files.createDirectories(root.resolve("sys/class/net/tun0"));
        Files.writeString(tun.resolve("type"), "65534\n");
        Files.writeString(tun.resolve("tun_flags"), "0x1001\n");
        Path docker = Files.createDirectories(root.resolve("sys/class/net/docker0"));
        Files.writeString(docker.resolve("address"), "02:42:ac:11:00:01\n");
        Files.writeString(docker.resolve("type"), "1\n");
        Files.createDirectories(docker.resolve("bridge"));
    }

    private static void alias(Path root, String unit) throws IOException {
        Path link = root.resolve("etc/systemd/system/network.service");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, Path.of("/usr/lib/systemd/system/" + unit));
    }

    private static void nic(Path root, String name, String mac) throws IOException {
        Path dir = Files.createDirectories(root.resolve("sys/class/net").resolve(name));
        Files.writeString(dir.resolve("address"), mac.toLowerCase(Locale.ROOT) + "\n");
        Files.writeString(dir.resolve("type"), "1\n");
        Files.writeString(Files.createDirectories(dir.resolve("device")).resolve("modalias"), "xen:vif\n");
    }

    private static void tool(Path root, String relative) throws IOException {
        write(root, relative, "");
        Files.setPosixFilePermissions(root.resolve(relative), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void write(Path root, String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
