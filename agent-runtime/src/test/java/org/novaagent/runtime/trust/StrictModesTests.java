/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.runtime.trust.StrictModes.Kind;
import org.novaagent.testkit.RequiredTool;

/**
 * sshd-style trust (issue #19, finding 4): owner root or the agent's uid, no group or other write on
 * the path and its ancestors (sticky ancestors accepted), no symlinked file; each problem names the
 * path and the rule. Ownership changes need root, so these tests run as root (as they do in CI).
 */
class StrictModesTests {

    private static final StrictModes ROOT = new StrictModes(0);

    @TempDir
    Path tmp;

    private Path plugins;

    @BeforeEach
    void tree() throws Exception {
        RequiredTool.requireRoot("the checks are about files owned by root and by others");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        plugins = Files.createDirectories(tmp.resolve("lib/plugins"));
        mode(tmp.resolve("lib"), "rwxr-xr-x");
        mode(plugins, "rwxr-xr-x");
    }

    private static void mode(Path p, String perms) throws Exception {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }

    @Test
    void aRootOwnedTreeIsTrusted() throws Exception {
        Path jar = Files.writeString(plugins.resolve("a.jar"), "x");
        mode(jar, "rw-r--r--");
        assertEquals(List.of(), ROOT.problems(plugins, Kind.PLUGINS_DIR));
        assertEquals(List.of(), ROOT.problems(jar, Kind.PLUGIN_JAR));
    }

    @Test
    void aGroupWritableDirectoryIsNamedWithItsMode() throws Exception {
        mode(plugins, "rwxrwxr-x");
        assertEquals(List.of("plugins directory " + plugins + " is group-writable (mode 0775)"),
                ROOT.problems(plugins, Kind.PLUGINS_DIR));
    }

    @Test
    void aWorldWritableParentNeedsTheStickyBit() throws Exception {
        Path lib = tmp.resolve("lib");
        mode(lib, "rwxrwxrwx");
        assertEquals(List.of("ancestor " + lib + " of plugins directory " + plugins
                + " is world-writable without the sticky bit (mode 0777)"), ROOT.problems(plugins, Kind.PLUGINS_DIR));
        Files.setAttribute(lib, "unix:mode", 01777);
        assertEquals(List.of(), ROOT.problems(plugins, Kind.PLUGINS_DIR));
    }

    @Test
    void aSymlinkedJarIsReportedAsASymlinkNotAsWorldWritable() throws Exception {
        Path real = Files.writeString(tmp.resolve("real.jar"), "x");
        Path link = Files.createSymbolicLink(plugins.resolve("link.jar"), real);
        List<String> problems = ROOT.problems(link, Kind.PLUGIN_JAR);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("plugin jar " + link + " is a symbolic link"), problems.toString());
    }

    @Test
    void anOwnerOtherThanRootOrTheAgentIsRefused() throws Exception {
        Files.setAttribute(plugins, "unix:uid", 65534);
        assertEquals(List.of("plugins directory " + plugins + " is owned by uid 65534, not root"),
                ROOT.problems(plugins, Kind.PLUGINS_DIR));
        assertEquals(List.of(), new StrictModes(65534).problems(plugins, Kind.PLUGINS_DIR),
                "the agent's own uid is trusted like root");
    }

    @Test
    void aConfigFileWritableByAllIsRefusedForBothRules() throws Exception {
        Path conf = Files.writeString(tmp.resolve("agent.conf"), "plugins.dir = /tmp/evil\n");
        mode(conf, "rw-rw-rw-");
        Files.setAttribute(conf, "unix:uid", 65534);
        assertEquals(List.of("configuration file " + conf + " is owned by uid 65534, not root",
                "configuration file " + conf + " is group-writable (mode 0666)",
                "configuration file " + conf + " is world-writable (mode 0666)"), ROOT.problems(conf, Kind.CONFIG_FILE));
    }

    @Test
    void theRealPathOfASymlinkedAncestorIsCheckedToo() throws Exception {
        Path open = Files.createDirectories(tmp.resolve("open"));
        mode(open, "rwxrwxrwx");
        Path inside = Files.createDirectories(open.resolve("plugins"));
        mode(inside, "rwxr-xr-x");
        Path link = Files.createSymbolicLink(tmp.resolve("via"), open);
        List<String> problems = ROOT.problems(link.resolve("plugins"), Kind.PLUGINS_DIR);
        assertEquals(List.of("ancestor " + open + " of plugins directory " + link.resolve("plugins")
                + " is world-writable without the sticky bit (mode 0777)"), problems);
    }

    @Test
    void wrongKindsAndMissingPathsAreProblems() throws Exception {
        assertEquals(List.of("plugin jar " + plugins + " is not a regular file"), ROOT.problems(plugins, Kind.PLUGIN_JAR));
        assertEquals(List.of("configuration file " + tmp.resolve("nope") + " does not exist"),
                ROOT.problems(tmp.resolve("nope"), Kind.CONFIG_FILE));
    }
}
