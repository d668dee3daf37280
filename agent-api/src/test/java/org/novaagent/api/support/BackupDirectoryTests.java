/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
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
}
