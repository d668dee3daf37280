/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.HostFacts;
import org.novaagent.api.HostFacts.InitSystem;
import org.novaagent.api.HostFacts.OsFamily;

class TestHostFactsTests {

    @TempDir
    Path root;

    @Test
    void presetsDescribeTheirDistros() {
        assertEquals(new HostFacts("debian", "12", List.of(), OsFamily.DEBIAN, "amd64", InitSystem.SYSTEMD, root,
                TestHostFacts.LINUX_SEARCH_PATH), TestHostFacts.debian(root));
        assertEquals(new HostFacts("ubuntu", "24.04", List.of("debian"), OsFamily.DEBIAN, "amd64", InitSystem.SYSTEMD,
                root, TestHostFacts.LINUX_SEARCH_PATH), TestHostFacts.ubuntu(root));
        HostFacts rhel = TestHostFacts.rhel(root);
        assertEquals(OsFamily.RHEL, rhel.family());
        assertEquals(9, rhel.majorVersion());
        assertEquals(List.of("fedora"), rhel.idLike());
        HostFacts windows = TestHostFacts.windows(root);
        assertTrue(windows.isWindows());
        assertEquals(InitSystem.WINDOWS_SERVICE, windows.initSystem());
        assertEquals(List.of(), windows.searchPath());
        assertFalse(TestHostFacts.debian(root).isWindows());
    }

    @Test
    void builderChangesOnlyWhatItIsTold() {
        HostFacts f = TestHostFacts.builder(root).os("centos", "7").family(OsFamily.OTHER).idLike("rhel", "fedora")
                .arch("aarch64").init(InitSystem.NONE).searchPath("/usr/sbin", "/usr/bin").build();
        assertEquals(new HostFacts("centos", "7", List.of("rhel", "fedora"), OsFamily.OTHER, "aarch64",
                InitSystem.NONE, root, List.of("/usr/sbin", "/usr/bin")), f);
        assertEquals(TestHostFacts.debian(root), TestHostFacts.builder(root).build());
    }

    @Test
    void whichFindsExecutablesUnderTheRootAlongTheSearchPath() throws Exception {
        HostFacts f = TestHostFacts.debian(root);
        assertEquals(Optional.empty(), f.which("ifup"));
        Path ifup = Files.createDirectories(root.resolve("sbin")).resolve("ifup");
        Files.writeString(ifup, "#!/bin/sh\n");
        assertTrue(ifup.toFile().setExecutable(true));
        assertEquals(Optional.of("/sbin/ifup"), f.which("ifup"));
    }
}
