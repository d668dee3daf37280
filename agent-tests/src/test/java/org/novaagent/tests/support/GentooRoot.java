/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import org.novaagent.host.demo.DemoNetwork;

/**
 * A scratch root laid out like a Gentoo Xen guest on the OpenRC profile (the demo's distros do not
 * include Gentoo): os-release and {@code etc/gentoo-release}, OpenRC ({@code sbin/openrc},
 * {@code sbin/openrc-run}, {@code rc-service}, {@code rc-update}), netifrc ({@code etc/init.d/net.lo}
 * and the image's {@code net.eth0 -> net.lo} link), a {@code conf.d/net} with eth0 on DHCP and an MTU,
 * and NICs eth0–eth2 in the shared scratch layout next to lo, tun0, docker0 and a veth that must be
 * skipped. {@link #systemdProfile} turns it into the systemd profile with networkd enabled.
 */
public final class GentooRoot {

    /** The image's conf.d/net before the agent runs. */
    public static final String IMAGE_CONF_NET = "# netifrc, see /usr/share/doc/netifrc-*/net.example\n"
            + "config_eth0=\"dhcp\"\nmtu_eth0=\"1500\"\n";

    private GentooRoot() {
    }

    /**
     * @param root an empty or missing directory
     * @return {@code root}
     * @throws IOException when a file cannot be written
     */
    public static Path build(Path root) throws IOException {
        write(root, "etc/os-release", "NAME=Gentoo\nID=gentoo\nPRETTY_NAME=\"Gentoo Linux\"\nVERSION_ID=\"2.17\"\n");
        write(root, "etc/gentoo-release", "Gentoo Base System release 2.17\n");
        write(root, "etc/passwd", "root:x:0:0:root:/root:/bin/bash\n");
        write(root, "etc/shadow", "root:*:19800:0:99999:7:::\n");
        Files.setPosixFilePermissions(root.resolve("etc/shadow"), PosixFilePermissions.fromString("rw-------"));
        write(root, "etc/hostname", "localhost\n");
        write(root, "etc/conf.d/hostname", "hostname=\"localhost\"\n");
        write(root, "etc/conf.d/net", IMAGE_CONF_NET);
        write(root, "etc/init.d/net.lo", "#!/sbin/openrc-run\n# netifrc stand-in\n");
        Files.createSymbolicLink(root.resolve("etc/init.d/net.eth0"), Path.of("net.lo"));
        Files.createDirectories(root.resolve("etc/runlevels/default"));
        Files.createSymbolicLink(root.resolve("etc/runlevels/default/net.eth0"), Path.of("/etc/init.d/net.eth0"));
        for (String tool : new String[] {"sbin/openrc", "sbin/openrc-run", "sbin/rc-service", "sbin/rc-update",
                "bin/hostname", "bin/ln", "bin/ip"}) {
            write(root, tool, "");
            Files.setPosixFilePermissions(root.resolve(tool), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
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
        Path veth = Files.createDirectories(root.resolve("sys/class/net/veth0"));
        Files.writeString(veth.resolve("address"), "ee:ee:ee:00:00:01\n");
        Files.writeString(veth.resolve("type"), "1\n");
        Files.writeString(veth.resolve("uevent"), "DEVTYPE=veth\nINTERFACE=veth0\n");
        return root;
    }

    /**
     * Turns a {@link #build} root into Gentoo's systemd profile: systemd with networkd enabled, no OpenRC.
     *
     * @param root a root from {@link #build}
     * @return {@code root}
     * @throws IOException when a file cannot be written
     */
    public static Path systemdProfile(Path root) throws IOException {
        Files.delete(root.resolve("sbin/openrc"));
        Files.delete(root.resolve("sbin/openrc-run"));
        for (String tool : new String[] {"usr/lib/systemd/systemd", "usr/lib/systemd/systemd-networkd", "usr/bin/networkctl"}) {
            write(root, tool, "");
            Files.setPosixFilePermissions(root.resolve(tool), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path wants = Files.createDirectories(root.resolve("etc/systemd/system/multi-user.target.wants"));
        Files.createSymbolicLink(wants.resolve("systemd-networkd.service"), Path.of("/usr/lib/systemd/system/systemd-networkd.service"));
        return root;
    }

    private static void nic(Path root, String name, String mac) throws IOException {
        Path dir = Files.createDirectories(root.resolve("sys/class/net").resolve(name));
        Files.writeString(dir.resolve("address"), mac.toLowerCase(Locale.ROOT) + "\n");
        Files.writeString(dir.resolve("type"), "1\n");
        Files.writeString(Files.createDirectories(dir.resolve("device")).resolve("modalias"), "xen:vif\n");
    }

    private static void write(Path root, String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
