/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStagerTests {

    private static final String H = Headers.hashComment();

    @Test
    void createsWithModeAndSkipsUnchanged(@TempDir Path root) throws Exception {
        FileStager s = new FileStager(root);
        StagedChange first = s.stage(List.of(new RenderedFile("etc/netplan/50-x.yaml", H + "a\n", 0600)), OwnedFiles.none());
        assertEquals(List.of("etc/netplan/50-x.yaml"), first.writtenPaths());
        Path p = root.resolve("etc/netplan/50-x.yaml");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
        StagedChange again = s.stage(List.of(new RenderedFile("etc/netplan/50-x.yaml", H + "a\n", 0600)), OwnedFiles.none());
        assertTrue(again.isEmpty());
        assertTrue(again.changes().isEmpty());
        assertFalse(Files.exists(root.resolve(FileStager.BACKUP_DIR)), "no backup when nothing changed");
        try (Stream<Path> files = Files.list(p.getParent())) {
            assertEquals(1, files.count(), "no temp files left behind");
        }
    }

    @Test
    void modifyKeepsOneBackupOutsideTheConfigDirAndRollbackRestores(@TempDir Path root) throws Exception {
        FileStager s = new FileStager(root);
        Path p = root.resolve("etc/network/interfaces.d/50-nova-agent");
        Files.createDirectories(p.getParent());
        Files.writeString(p, "old\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        s.stage(List.of(new RenderedFile("etc/network/interfaces.d/50-nova-agent", H + "older\n", 0644)),
                OwnedFiles.none());
        StagedChange c = s.stage(List.of(new RenderedFile("etc/network/interfaces.d/50-nova-agent", H + "new\n", 0600),
                new RenderedFile("etc/b.conf", H + "b\n", 0644)), OwnedFiles.none());
        assertEquals(H + "new\n", Files.readString(p));
        try (Stream<Path> files = Files.list(p.getParent())) {
            assertEquals(List.of(p), files.toList(), "nothing but the config in the sourced directory");
        }
        Path backup = root.resolve("var/lib/nova-agent/backup/etc/network/interfaces.d/50-nova-agent");
        assertEquals(backup, s.backupOf("etc/network/interfaces.d/50-nova-agent"));
        assertEquals(H + "older\n", Files.readString(backup), "one backup: the content just replaced");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)),
                "backup keeps the original's mode");
        for (Path d = backup.getParent(); !d.equals(root.resolve("var/lib")); d = d.getParent()) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(d)), d.toString());
        }
        try (Stream<Path> files = Files.list(backup.getParent())) {
            assertEquals(1, files.count(), "no temp files left in the backup directory");
        }
        c.rollback();
        assertEquals(H + "older\n", Files.readString(p));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
        assertFalse(Files.exists(root.resolve("etc/b.conf")), "created file deleted on rollback");
    }

    @Test
    void modeOnlyChangeIsNotAConfigChange(@TempDir Path root) throws Exception {
        FileStager s = new FileStager(root);
        s.stage(List.of(new RenderedFile("etc/a", H, 0644)), OwnedFiles.none());
        StagedChange c = s.stage(List.of(new RenderedFile("etc/a", H, 0600)), OwnedFiles.none());
        assertTrue(c.isEmpty());
        assertEquals(FileChange.Kind.MODE, c.changes().get(0).kind());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("etc/a"))));
    }

    @Test
    void ownedFilesAreRemovedOnlyWithOurHeader(@TempDir Path root) throws Exception {
        FileStager s = new FileStager(root);
        Path dir = Files.createDirectories(root.resolve("etc/sysconfig/network-scripts"));
        Files.writeString(dir.resolve("ifcfg-eth2"), H + "DEVICE=eth2\n");
        Files.writeString(dir.resolve("ifcfg-eth9"), "DEVICE=eth9\n");
        Files.writeString(dir.resolve("ifcfg-eth3.bak"), H);
        StagedChange c = s.stage(List.of(new RenderedFile("etc/sysconfig/network-scripts/ifcfg-eth0", H + "x\n", 0644)),
                OwnedFiles.of("etc/sysconfig/network-scripts/ifcfg-*"));
        assertEquals(List.of("etc/sysconfig/network-scripts/ifcfg-eth2"), c.removedPaths());
        assertFalse(Files.exists(dir.resolve("ifcfg-eth2")));
        assertEquals(H + "DEVICE=eth2\n",
                Files.readString(s.backupOf("etc/sysconfig/network-scripts/ifcfg-eth2")), "removed file backed up");
        assertFalse(Files.exists(dir.resolve("ifcfg-eth2.bak")));
        assertTrue(Files.exists(dir.resolve("ifcfg-eth3.bak")), "another tool's backup is never an owned file");
        assertTrue(Files.exists(dir.resolve("ifcfg-eth9")), "file without our header is left alone");
        c.rollback();
        assertEquals(H + "DEVICE=eth2\n", Files.readString(dir.resolve("ifcfg-eth2")));
    }

    @Test
    void escapesAreRejected(@TempDir Path root) throws Exception {
        FileStager s = new FileStager(root.resolve("r"));
        Files.createDirectories(root.resolve("r"));
        for (String bad : List.of("../x", "etc/../../x", "/etc/x", "", "etc/..")) {
            assertThrows(IllegalArgumentException.class,
                    () -> s.stage(List.of(new RenderedFile(bad.startsWith("/") ? "etc/../../../x" : bad, "x", 0644)),
                            OwnedFiles.none()), bad);
        }
        Files.createDirectories(root.resolve("outside"));
        Files.createSymbolicLink(root.resolve("r/link"), root.resolve("outside"));
        assertThrows(IllegalArgumentException.class, () -> s.resolve("link/x"));
        assertThrows(IllegalArgumentException.class, () -> s.backupOf("../x"));
        assertThrows(IllegalArgumentException.class, () -> new RenderedFile("/etc/x", "x", 0644));
        try (Stream<Path> files = Files.list(root.resolve("outside"))) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void diffWritesNothing(@TempDir Path root) throws Exception {
        FileStager s = new FileStager(root);
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/a"), "one\ntwo\nthree\n");
        String diff = s.diff(List.of(new RenderedFile("etc/a", "one\n2\nthree\n", 0644),
                new RenderedFile("etc/new", "n\n", 0644)), OwnedFiles.none());
        assertEquals("--- a/etc/a\n+++ b/etc/a\n@@ -1,3 +1,3 @@\n one\n-two\n+2\n three\n"
                + "--- /dev/null\n+++ b/etc/new\n@@ -0,0 +1,1 @@\n+n\n", diff);
        assertFalse(Files.exists(root.resolve("etc/new")));
        assertEquals("one\ntwo\nthree\n", Files.readString(root.resolve("etc/a")));
    }
}
