/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import org.novaagent.host.demo.DemoNetwork;

/**
 * A scratch root laid out like a FreeBSD 14 Xen guest, for the tests that need one (the demo's
 * distros are Linux, whose password path edits {@code etc/shadow}): os-release and
 * {@code bin/freebsd-version}, rc.subr and rc.d (the init system), a cloud image's rc.conf with DHCP
 * on xn0, {@code service}/{@code ifconfig}/{@code hostname} stubs, and NICs in the shared scratch
 * layout ({@code sys/class/net}: xn0–xn2 with netfront's {@code device}, plus lo0, tun0 and a
 * bridge that must be skipped). On a non-live root the FreeBSD plugin reads that layout instead
 * of running {@code ifconfig -a}.
 */
public final class FreebsdRoot {

    /** The image's rc.conf before the agent runs. */
    public static final String IMAGE_RC_CONF = "hostname=\"freebsd\"\nifconfig_xn0=\"DHCP\"\nsshd_enable=\"YES\"\n"
            + "static_routes=\"lan\"\nroute_lan=\"-net 192.168.0.0/16 10.0.0.1\"\n";

    private FreebsdRoot() {
    }

    /**
     * @param root an empty or missing directory
     * @return {@code root}
     * @throws IOException when a file cannot be written
     */
    public static Path build(Path root) throws IOException {
        write(root, "etc/os-release", "NAME=FreeBSD\nVERSION=\"14.1-RELEASE\"\nVERSION_ID=\"14.1\"\nID=freebsd\n");
        write(root, "bin/freebsd-version", "#!/bin/sh\nUSERLAND_VERSION=\"14.1-RELEASE\"\n");
        write(root, "etc/rc.subr", "# rc.subr stand-in\n");
        Files.createDirectories(root.resolve("etc/rc.d"));
        write(root, "etc/rc.conf", IMAGE_RC_CONF);
        write(root, "etc/resolv.conf", "nameserver 10.0.2.3\n");
        write(root, "etc/hostname", "freebsd\n");
        for (String tool : new String[] {"usr/sbin/service", "sbin/ifconfig", "bin/hostname", "usr/sbin/sysrc"}) {
            write(root, tool, "");
            Files.setPosixFilePermissions(root.resolve(tool), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        nic(root, "xn0", DemoNetwork.ETH0_MAC, true);
        nic(root, "xn1", DemoNetwork.ETH1_MAC, true);
        nic(root, "xn2", DemoNetwork.ETH2_MAC, true);
        nic(root, "lo0", "00:00:00:00:00:00", false);
        Path tun = Files.createDirectories(root.resolve("sys/class/net/tun0"));
        Files.writeString(tun.resolve("tun_flags"), "0x1001\n");
        Files.writeString(tun.resolve("type"), "65534\n");
        Path bridge = Files.createDirectories(root.resolve("sys/class/net/bridge0"));
        Files.createDirectories(bridge.resolve("bridge"));
        Files.writeString(bridge.resolve("address"), "58:9c:fc:10:ff:a6\n");
        Files.writeString(bridge.resolve("type"), "1\n");
        return root;
    }

    private static void nic(Path root, String name, String mac, boolean netfront) throws IOException {
        Path dir = Files.createDirectories(root.resolve("sys/class/net").resolve(name));
        Files.writeString(dir.resolve("address"), mac.toLowerCase(Locale.ROOT) + "\n");
        Files.writeString(dir.resolve("type"), netfront ? "1\n" : "772\n");
        if (netfront) {
            Files.createDirectories(dir.resolve("device"));
        }
    }

    private static void write(Path root, String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
