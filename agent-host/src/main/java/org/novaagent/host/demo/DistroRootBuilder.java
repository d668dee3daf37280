/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * Lays out a scratch target root that looks enough like a given distro for the agent's probes:
 * os-release, passwd/shadow, hostname, a sysfs with three Xen NICs plus a tun and a bridge that must
 * be skipped, and the distro's network tooling (as empty executables: the demo never runs them).
 */
public final class DistroRootBuilder {

    private DistroRootBuilder() {
    }

    /**
     * @param root   an empty or missing directory
     * @param distro the layout to build
     * @return {@code root}
     * @throws IOException when a file cannot be written
     */
    public static Path build(Path root, Distro distro) throws IOException {
        Files.createDirectories(root);
        write(root, "etc/os-release", osRelease(distro));
        write(root, "etc/passwd", "root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n");
        write(root, "etc/group", "root:x:0:\nnogroup:x:65534:\n");
        write(root, "etc/shadow", "root:*:19800:0:99999:7:::\nnobody:*:19800:0:99999:7:::\n");
        write(root, "etc/gshadow", "root:*::\nnogroup:*::\n");
        Files.setPosixFilePermissions(root.resolve("etc/shadow"), PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(root.resolve("etc/gshadow"), PosixFilePermissions.fromString("rw-------"));
        write(root, "etc/hostname", "localhost\n");
        Files.createDirectories(root.resolve("root"));
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
        switch (distro) {
            case DEBIAN -> debian(root);
            case UBUNTU -> ubuntu(root);
            case RHEL -> rhel(root);
            case ALPINE -> alpine(root);
            case ARCH -> arch(root);
            default -> throw new IllegalArgumentException("no layout for " + distro);
        }
        return root;
    }

    private static String osRelease(Distro d) {
        StringBuilder s = new StringBuilder();
        s.append("PRETTY_NAME=\"").append(d.prettyName()).append("\"\n");
        s.append("NAME=\"").append(d.prettyName().replaceAll(" [0-9].*", "")).append("\"\n");
        s.append("ID=").append(d.id()).append('\n');
        if (d.versionId().isEmpty()) {
            s.append("BUILD_ID=rolling\n");
            return s.toString();
        }
        if (!d.idLike().isEmpty()) {
            s.append("ID_LIKE=").append(d.idLike()).append('\n');
        }
        s.append("VERSION_ID=\"").append(d.versionId()).append("\"\n");
        return s.toString();
    }

    private static void nic(Path root, String name, String mac) throws IOException {
        Path dir = Files.createDirectories(root.resolve("sys/class/net").resolve(name));
        Files.writeString(dir.resolve("address"), mac.toLowerCase(Locale.ROOT) + "\n");
        Files.writeString(dir.resolve("type"), "1\n");
        Path device = Files.createDirectories(dir.resolve("device"));
        Files.writeString(device.resolve("modalias"), "xen:vif\n");
    }

    private static void debian(Path root) throws IOException {
        write(root, "etc/network/interfaces", "# interfaces(5) file used by ifup(8) and ifdown(8)\n"
                + "# Include files from /etc/network/interfaces.d:\nsource /etc/network/interfaces.d/*\n\n"
                + "auto lo\niface lo inet loopback\n");
        Files.createDirectories(root.resolve("etc/network/interfaces.d"));
        tool(root, "usr/sbin/ifup");
        tool(root, "usr/sbin/ifdown");
        tool(root, "usr/sbin/ip");
    }

    private static void ubuntu(Path root) throws IOException {
        write(root, "etc/netplan/50-cloud-init.yaml", "network:\n  version: 2\n  ethernets:\n    eth0:\n      dhcp4: true\n");
        Files.setPosixFilePermissions(root.resolve("etc/netplan/50-cloud-init.yaml"),
                PosixFilePermissions.fromString("rw-------"));
        tool(root, "usr/sbin/netplan");
        tool(root, "usr/sbin/ip");
    }

    private static void rhel(Path root) throws IOException {
        write(root, "etc/redhat-release", "Red Hat Enterprise Linux release 9.4 (Plow)\n");
        write(root, "etc/sysconfig/network", "NETWORKING=yes\n");
        write(root, "etc/sysconfig/network-scripts/ifcfg-eth0",
                "DEVICE=eth0\nBOOTPROTO=dhcp\nONBOOT=yes\nTYPE=Ethernet\n");
        Files.createDirectories(root.resolve("etc/NetworkManager/system-connections"));
        write(root, "etc/NetworkManager/NetworkManager.conf", "[main]\nplugins=keyfile,ifcfg-rh\n");
        tool(root, "usr/bin/nmcli");
        tool(root, "usr/sbin/ip");
    }

    /** What Alpine's installer leaves: lo and eth0 on DHCP in one main file, ifupdown-ng, OpenRC, busybox. */
    private static void alpine(Path root) throws IOException {
        write(root, "etc/alpine-release", "3.20.3\n");
        write(root, "etc/network/interfaces", "auto lo\niface lo inet loopback\n\nauto eth0\niface eth0 inet dhcp\n");
        write(root, "etc/resolv.conf", "nameserver 10.0.2.3\n");
        Path veth = Files.createDirectories(root.resolve("sys/class/net/veth0"));
        Files.writeString(veth.resolve("address"), "ee:ee:ee:00:00:01\n");
        Files.writeString(veth.resolve("type"), "1\n");
        Files.writeString(veth.resolve("uevent"), "DEVTYPE=veth\nINTERFACE=veth0\n");
        tool(root, "sbin/ifup");
        tool(root, "sbin/ifdown");
        tool(root, "sbin/ip");
        tool(root, "sbin/openrc");
        tool(root, "bin/hostname");
    }

    /**
     * A cloud image of Arch: systemd with networkd and resolved enabled (absolute symlinks, as
     * {@code systemctl enable} leaves them) and the wiki's {@code 20-wired.network} putting every
     * Ethernet NIC on DHCP.
     */
    private static void arch(Path root) throws IOException {
        write(root, "etc/arch-release", "");
        write(root, "etc/systemd/network/20-wired.network", "[Match]\nName=en* eth*\n\n[Network]\nDHCP=yes\n");
        Path wants = Files.createDirectories(root.resolve("etc/systemd/system/multi-user.target.wants"));
        for (String unit : new String[] {"systemd-networkd.service", "systemd-resolved.service"}) {
            Files.createSymbolicLink(wants.resolve(unit), Path.of("/usr/lib/systemd/system/" + unit));
        }
        tool(root, "usr/lib/systemd/systemd");
        tool(root, "usr/lib/systemd/systemd-networkd");
        tool(root, "usr/bin/networkctl");
        tool(root, "usr/bin/hostnamectl");
        tool(root, "usr/bin/ip");
    }

    private static void tool(Path root, String relative) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void write(Path root, String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
