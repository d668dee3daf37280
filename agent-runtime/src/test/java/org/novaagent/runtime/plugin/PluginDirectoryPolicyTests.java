/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.runtime.trust.StrictModes;
import org.novaagent.testkit.RequiredTool;

/**
 * Which jars may load: a directory problem refuses all, a jar problem refuses that jar, and
 * {@code --allow-insecure-plugins-dir} only downgrades refusals (loudly) off the live system.
 */
class PluginDirectoryPolicyTests {

    @TempDir
    Path dir;

    private Path good;
    private Path open;

    @BeforeEach
    void jars() throws Exception {
        RequiredTool.requireRoot("the policy accepts only root-owned jars, which only root can create");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        good = Files.writeString(dir.resolve("good.jar"), "x");
        Files.setPosixFilePermissions(good, PosixFilePermissions.fromString("rw-r--r--"));
        open = Files.writeString(dir.resolve("open.jar"), "x");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-rw-r--"));
    }

    private static PluginDirectoryPolicy policy(boolean allow, boolean live) {
        return new PluginDirectoryPolicy(allow, live, new StrictModes(0));
    }

    @Test
    void aBadJarIsLeftOutAndNamed() {
        PluginDirectoryPolicy.Vetted v = policy(false, true).vet(dir, List.of(good, open));
        assertEquals(List.of(good), v.jars());
        assertEquals(List.of("plugin jar " + open + " is group-writable (mode 0664); not loaded"), v.problems());
    }

    @Test
    void aBadDirectoryRefusesEveryJar() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxr-x"));
        PluginDirectoryPolicy.Vetted v = policy(false, true).vet(dir, List.of(good));
        assertEquals(List.of(), v.jars());
        assertTrue(v.problems().get(0).startsWith("plugins directory " + dir + " is group-writable (mode 0775)"), v.problems().toString());
    }

    @Test
    void theInsecureFlagIsLoudAndOnlyOffTheLiveSystem() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        PluginDirectoryPolicy.Vetted scratch = policy(true, false).vet(dir, List.of(good, open));
        assertEquals(List.of(good, open), scratch.jars());
        assertTrue(scratch.problems().stream().allMatch(p -> p.startsWith("INSECURE: ")), scratch.problems().toString());
        PluginDirectoryPolicy.Vetted live = policy(true, true).vet(dir, List.of(good, open));
        assertEquals(List.of(), live.jars(), "the flag must not work on the live system");
    }
}
