/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.novaagent.host.demo.Distro;
import org.novaagent.host.demo.DistroRootBuilder;
import org.novaagent.tests.support.AgentProcess;
import org.novaagent.tests.support.AgentProcess.Result;
import org.novaagent.tests.support.FreebsdRoot;
import org.novaagent.tests.support.GentooRoot;
import org.novaagent.tests.support.SuseRoot;

/**
 * Which {@code resetnetwork} plugin the real {@code agent plugins list --root} (child JVM, every
 * plugin on the module path) selects on a scratch root laid out like each platform, FreeBSD and Gentoo included
 * (os-release or the distro's own release file, tool stubs, tun/docker/veth links next to the Xen NICs), and that
 * every other plugin is listed as not applicable with its reason.
 */
class PlatformSelectionTests {

    private static final Map<Distro, String> EXPECTED = Map.of(
            Distro.DEBIAN, "org.novaagent.plugin.network.debian",
            Distro.UBUNTU, "org.novaagent.plugin.network.netplan",
            Distro.RHEL, "org.novaagent.plugin.network.rhel",
            Distro.ALPINE, "org.novaagent.plugin.network.alpine",
            Distro.ARCH, "org.novaagent.plugin.network.networkd");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Distro.class)
    void eachPlatformSelectsItsOwnNetworkPlugin(Distro distro) throws Exception {
        Path root = DistroRootBuilder.build(tmp.resolve(distro.id()), distro);
        assertSelected(root, EXPECTED.get(distro));
    }

    @Test
    void alpineIsRecognisedFromAlpineReleaseAloneAndTheOthersSayWhyNot() throws Exception {
        Path root = DistroRootBuilder.build(tmp.resolve("alpine"), Distro.ALPINE);
        Files.delete(root.resolve("etc/os-release"));
        List<String> rows = assertSelected(root, "org.novaagent.plugin.network.alpine");
        String debian = rows.stream().filter(r -> r.contains("network.debian")).findFirst().orElseThrow();
        assertTrue(debian.contains("not applicable") && debian.contains("ifupdown-ng"), debian);
        String netplan = rows.stream().filter(r -> r.contains("network.netplan")).findFirst().orElseThrow();
        assertTrue(netplan.contains("not applicable: "), netplan);
        String rhel = rows.stream().filter(r -> r.contains("network.rhel")).findFirst().orElseThrow();
        assertTrue(rhel.contains("not applicable: ") && rhel.contains("ALPINE"), rhel);
    }

    @Test
    void freebsdSelectsTheRcConfPlugin() throws Exception {
        Path root = FreebsdRoot.build(tmp.resolve("freebsd"));
        List<String> rows = assertSelected(root, "org.novaagent.plugin.network.freebsd");
        assertTrue(rows.stream().filter(r -> r.contains("network.networkd")).allMatch(r -> r.contains("not a systemd system")),
                rows.toString());
        Files.delete(root.resolve("etc/os-release"));
        assertSelected(root, "org.novaagent.plugin.network.freebsd");
    }

    @Test
    void gentooWithOpenrcSelectsNetifrcAndItsSystemdProfileSelectsNetworkd() throws Exception {
        Path root = GentooRoot.build(tmp.resolve("gentoo"));
        List<String> rows = assertSelected(root, "org.novaagent.plugin.network.gentoo");
        assertTrue(rows.stream().filter(r -> r.contains("network.networkd")).allMatch(r -> r.contains("not a systemd system")),
                rows.toString());
        Files.delete(root.resolve("etc/os-release"));
        assertSelected(root, "org.novaagent.plugin.network.gentoo");
        rows = assertSelected(GentooRoot.systemdProfile(root), "org.novaagent.plugin.network.networkd");
        assertTrue(rows.stream().filter(r -> r.contains("network.gentoo")).allMatch(r -> r.contains("systemd profile")),
                rows.toString());
    }

    @Test
    void opensuseWithWickedSelectsTheWickedPlugin() throws Exception {
        Path root = tmp.resolve("opensuse");
        Files.createDirectories(root.resolve("etc/sysconfig/network"));
        Files.writeString(root.resolve("etc/os-release"),
                "NAME=\"openSUSE Leap\"\nVERSION_ID=\"15.6\"\nID=\"opensuse-leap\"\nID_LIKE=\"suse opensuse\"\n");
        Files.writeString(root.resolve("etc/sysconfig/network/ifcfg-eth0"), "BOOTPROTO='dhcp'\nSTARTMODE='auto'\n");
        Path wicked = Files.createDirectories(root.resolve("usr/sbin")).resolve("wicked");
        Files.writeString(wicked, "");
        wicked.toFile().setExecutable(true);
        List<String> rows = assertSelected(root, "org.novaagent.plugin.network.suse");
        assertTrue(rows.stream().filter(r -> r.contains("network.rhel")).allMatch(r -> r.contains("not applicable")), rows.toString());
    }

    @Test
    void opensuseLeap16WithNetworkManagerSelectsTheSusePluginInKeyfileMode() throws Exception {
        List<String> rows = assertSelected(SuseRoot.leap16NetworkManager(tmp.resolve("leap16")), "org.novaagent.plugin.network.suse");
        assertTrue(rows.stream().filter(r -> r.contains("network.rhel")).allMatch(r -> r.contains("not applicable")), rows.toString());
    }

    /** @return the {@code resetnetwork} rows, after checking that exactly {@code module} is selected */
    private static List<String> assertSelected(Path root, String module) throws Exception {
        Result list = AgentProcess.run("plugins", "list", "--root", root.toString());
        assertEquals(0, list.exitCode(), list::toString);
        List<String> rows = list.stdout().lines().filter(l -> l.startsWith("resetnetwork ")).toList();
        List<String> selected = rows.stream().filter(r -> r.endsWith(" selected")).toList();
        assertEquals(1, selected.size(), list::toString);
        assertTrue(selected.get(0).contains(" " + module + " "), list::toString);
        rows.stream().filter(r -> !r.endsWith(" selected"))
                .forEach(r -> assertTrue(r.contains("not applicable: "), "no reason given: " + r));
        return rows;
    }
}
