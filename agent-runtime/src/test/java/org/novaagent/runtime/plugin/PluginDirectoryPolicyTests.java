/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.plugin;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** World-writable or non-root plugins directories and jars are refused unless explicitly allowed. */
class PluginDirectoryPolicyTests {

    @TempDir
    Path dir;

    private static boolean runningAsRoot(Path p) throws Exception {
        return Integer.valueOf(0).equals(Files.getAttribute(p, "unix:uid"));
    }

    @Test
    void worldWritableDirectoryIsRefusedWithAClearMessage() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        var e = assertThrows(InsecurePluginsDirectoryException.class,
                () -> new PluginDirectoryPolicy(false).check(dir, List.of()));
        assertTrue(e.getMessage().contains("world-writable") && e.getMessage().contains(dir.toString()), e.getMessage());
        assertDoesNotThrow(() -> new PluginDirectoryPolicy(true).check(dir, List.of()));
    }

    @Test
    void worldWritableJarIsRefused() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = Files.createFile(dir.resolve("p.jar"));
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-rw-rw-"));
        Assumptions.assumeTrue(runningAsRoot(dir), "ownership check needs files owned by root");
        var e = assertThrows(InsecurePluginsDirectoryException.class,
                () -> new PluginDirectoryPolicy(false).check(dir, List.of(jar)));
        assertTrue(e.getMessage().contains("p.jar"), e.getMessage());
    }

    @Test
    void directoryNotOwnedByRootIsRefused() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        boolean root = runningAsRoot(dir);
        if (root) {
            Files.setAttribute(dir, "unix:uid", 65534); // hand it to nobody
        }
        var e = assertThrows(InsecurePluginsDirectoryException.class,
                () -> new PluginDirectoryPolicy(false).check(dir, List.of()));
        assertTrue(e.getMessage().contains("not root"), e.getMessage());
        if (root) {
            Files.setAttribute(dir, "unix:uid", 0);
        }
    }

    @Test
    void rootOwnedPrivateDirectoryIsAccepted() throws Exception {
        Assumptions.assumeTrue(runningAsRoot(dir), "needs a root-owned directory");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertDoesNotThrow(() -> new PluginDirectoryPolicy(false).check(dir, List.of()));
    }
}
