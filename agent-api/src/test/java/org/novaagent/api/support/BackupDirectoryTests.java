/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupDirectoryTests {

    @TempDir
    Path root;

    @Test
    void backupMirrorsTheFilesPathUnderTheBackupDirectory() {
        assertEquals(root.resolve("var/lib/nova-agent/backup/etc/network/interfaces"),
                BackupDirectory.backupOf(root, "etc/network/interfaces"));
    }

    @Test
    void pathsThatAreNotRootRelativeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> BackupDirectory.backupOf(root, "/etc/motd"));
        assertThrows(IllegalArgumentException.class, () -> BackupDirectory.backupOf(root, "../etc/motd"));
        assertThrows(IllegalArgumentException.class, () -> BackupDirectory.backupOf(root, "etc/../../x"));
    }

    @Test
    void parentsArePrivateFromTheStateDirectoryDownAndTightenedWhenTheyExist() throws Exception {
        Files.createDirectories(root.resolve("var/lib/nova-agent"));
        Files.setPosixFilePermissions(root.resolve("var/lib/nova-agent"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path backup = BackupDirectory.backupOf(root, "etc/sysconfig/network-scripts/ifcfg-eth0");
        BackupDirectory.createParents(root, backup);
        for (String dir : new String[] {"var/lib/nova-agent", "var/lib/nova-agent/backup",
            "var/lib/nova-agent/backup/etc", "var/lib/nova-agent/backup/etc/sysconfig/network-scripts"}) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve(dir))), dir);
        }
        assertEquals(false, Files.exists(backup), "only the directories are created");
    }

    @Test
    void aPathOutsideTheBackupDirectoryIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BackupDirectory.createParents(root, root.resolve("etc/motd")));
    }
}
