/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.HostFacts;
import org.novaagent.api.HostFacts.InitSystem;
import org.novaagent.api.HostFacts.OsFamily;

/** Facts from distro-shaped trees under a temporary root. */
class HostFactsProbeTests {

    @TempDir
    Path root;

    private final HostFactsProbe probe = new HostFactsProbe("Linux", "aarch64", "6.1");

    private void file(String path, String content) throws Exception {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    @Test
    void debian() throws Exception {
        file("etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n");
        Files.createDirectories(root.resolve("run/systemd/system"));
        HostFacts f = probe.probe(root);
        assertEquals("debian", f.osId());
        assertEquals("12", f.osVersionId());
        assertEquals(OsFamily.DEBIAN, f.family());
        assertEquals(InitSystem.SYSTEMD, f.initSystem());
        assertEquals("aarch64", f.arch());
        assertEquals(root.toAbsolutePath(), f.root());
        assertEquals(HostFactsProbe.SEARCH_PATH, f.searchPath());
    }

    @Test
    void ubuntuFromUsrLibWithIdLike() throws Exception {
        file("usr/lib/os-release", "NAME=\"Ubuntu\"\nID=ubuntu\nID_LIKE=debian\nVERSION_ID=\"24.04\"\n");
        file("usr/lib/systemd/systemd", "");
        HostFacts f = probe.probe(root);
        assertEquals("ubuntu", f.osId());
        assertEquals(List.of("debian"), f.idLike());
        assertEquals(OsFamily.DEBIAN, f.family());
        assertEquals(24, f.majorVersion());
        assertEquals(InitSystem.SYSTEMD, f.initSystem());
    }

    @Test
    void rhel() throws Exception {
        file("etc/os-release", "NAME=\"Red Hat Enterprise Linux\"\nID=\"rhel\"\nID_LIKE=\"fedora\"\nVERSION_ID=\"9.4\"\n");
        file("lib/systemd/systemd", "");
        HostFacts f = probe.probe(root);
        assertEquals("rhel", f.osId());
        assertEquals("9.4", f.osVersionId());
        assertEquals(OsFamily.RHEL, f.family());
        assertEquals(9, f.majorVersion());
    }

    @Test
    void rockyIsRhelFamilyThroughIdLike() throws Exception {
        file("etc/os-release", "ID=\"rocky\"\nID_LIKE=\"rhel centos fedora\"\nVERSION_ID='8.10'\n");
        HostFacts f = probe.probe(root);
        assertEquals("rocky", f.osId());
        assertEquals(List.of("rhel", "centos", "fedora"), f.idLike());
        assertEquals(OsFamily.RHEL, f.family());
        assertEquals("8.10", f.osVersionId());
        assertEquals(InitSystem.NONE, f.initSystem());
    }

    @Test
    void unknownTreeIsOther() {
        HostFacts f = probe.probe(root);
        assertEquals("unknown", f.osId());
        assertEquals("", f.osVersionId());
        assertEquals(OsFamily.OTHER, f.family());
    }

    @Test
    void markerFilesWithoutOsRelease() throws Exception {
        file("etc/redhat-release", "CentOS Linux release 7.9.2009 (Core)\n");
        assertEquals(OsFamily.RHEL, probe.probe(root).family());
        assertEquals("7.9.2009", probe.probe(root).osVersionId());
        Files.delete(root.resolve("etc/redhat-release"));
        file("etc/debian_version", "11.9\n");
        Files.createDirectories(root.resolve("etc/init.d"));
        HostFacts f = probe.probe(root);
        assertEquals("debian", f.osId());
        assertEquals("11.9", f.osVersionId());
        assertEquals(InitSystem.SYSVINIT, f.initSystem());
    }

    @Test
    void windowsOnlyForTheLiveRoot() {
        HostFactsProbe windows = new HostFactsProbe("Windows Server 2022", "amd64", "10.0");
        assertEquals(OsFamily.WINDOWS, windows.probe(root.getRoot()).family());
        assertEquals(OsFamily.OTHER, windows.probe(root).family());
    }

    @Test
    void alpineGentooArchAndFreebsdFromTheirOwnFiles() throws Exception {
        file("etc/alpine-release", "3.20.3\n");
        file("sbin/openrc", "");
        HostFacts f = probe.probe(root);
        assertEquals("alpine", f.osId());
        assertEquals("3.20.3", f.osVersionId());
        assertEquals(OsFamily.ALPINE, f.family());
        assertEquals(InitSystem.OPENRC, f.initSystem());
        Files.delete(root.resolve("etc/alpine-release"));
        file("etc/gentoo-release", "Gentoo Base System release 2.14\n");
        assertEquals(OsFamily.GENTOO, probe.probe(root).family());
        assertEquals("2.14", probe.probe(root).osVersionId());
        Files.delete(root.resolve("etc/gentoo-release"));
        file("etc/arch-release", "");
        assertEquals(OsFamily.ARCH, probe.probe(root).family());
        Files.delete(root.resolve("etc/arch-release"));
        Files.delete(root.resolve("sbin/openrc"));
        file("bin/freebsd-version", "#!/bin/sh\nUSERLAND_VERSION=\"14.1-RELEASE\"\n");
        file("etc/rc.subr", "");
        Files.createDirectories(root.resolve("etc/rc.d"));
        f = probe.probe(root);
        assertEquals("freebsd", f.osId());
        assertEquals(OsFamily.FREEBSD, f.family());
        assertEquals(InitSystem.BSD_RC, f.initSystem());
    }

    @Test
    void osReleaseOfTheOtherUnixGuests() throws Exception {
        file("etc/os-release", "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.20.3\n");
        assertEquals(OsFamily.ALPINE, probe.probe(root).family());
        file("etc/os-release", "NAME=Gentoo\nID=gentoo\n");
        assertEquals(OsFamily.GENTOO, probe.probe(root).family());
        file("etc/os-release", "NAME=\"Arch Linux\"\nID=arch\n");
        assertEquals(OsFamily.ARCH, probe.probe(root).family());
        file("etc/os-release", "NAME=FreeBSD\nVERSION_ID=14.1\nID=freebsd\n");
        assertEquals(OsFamily.FREEBSD, probe.probe(root).family());
        file("etc/os-release", "NAME=\"openSUSE Leap\"\nID=\"opensuse-leap\"\nID_LIKE=\"suse opensuse\"\n");
        assertEquals(OsFamily.SUSE, probe.probe(root).family());
    }

    @Test
    void windowsShapedRootOnLinux() throws Exception {
        Files.createDirectories(root.resolve("Windows/System32/config"));
        HostFacts f = probe.probe(root);
        assertEquals(OsFamily.WINDOWS, f.family());
        assertEquals("windows", f.osId());
        assertEquals(InitSystem.WINDOWS_SERVICE, f.initSystem());
        assertEquals(List.of(), f.searchPath());
    }

    @Test
    void osReleaseWinsOverAStrayWindowsDirectory() throws Exception {
        Files.createDirectories(root.resolve("windows/system32"));
        file("etc/os-release", "ID=ubuntu\nVERSION_ID=\"22.04\"\n");
        assertEquals(OsFamily.DEBIAN, probe.probe(root).family());
    }
}
