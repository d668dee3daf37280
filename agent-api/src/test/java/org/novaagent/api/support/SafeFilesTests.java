/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The writer itself: links at every component, modes, owners, backups and their cap, cancellation. */
class SafeFilesTests {

    @TempDir
    Path scratch;
    private Path root;
    private Path outside;
    private SafeFiles files;

    @BeforeEach
    void layOut() throws IOException {
        root = Files.createDirectories(scratch.resolve("root"));
        outside = Files.createDirectories(scratch.resolve("outside"));
        Files.writeString(outside.resolve("victim"), "keep");
        files = SafeFiles.under(root);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    private void assertNothingOutsideChangedAndNoStagingLeft() throws IOException {
        assertEquals("keep", Files.readString(outside.resolve("victim")));
        try (Stream<Path> s = Files.list(outside)) {
            assertEquals(List.of(outside.resolve("victim")), s.toList());
        }
        try (Stream<Path> s = Files.walk(root)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".nova-agent-")).toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "a/b", "a/b/c", "a/b/c/f"})
    void aLinkAtAnyComponentIsRefusedAndNamedByItsRelativePath(String linked) throws Exception {
        Path link = root.resolve(linked);
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, linked.endsWith("f") ? outside.resolve("victim") : outside);
        RefusedPathException e = assertThrows(RefusedPathException.class,
                () -> files.write("a/b/c/f", utf8("new"), WriteOptions.mode(0644).withParents(0755)));
        assertEquals(linked, e.relativePath());
        assertEquals("'" + linked + "' is a symbolic link; refusing to follow it", e.getMessage());
        assertThrows(RefusedPathException.class, () -> files.read("a/b/c/f", 100));
        assertTrue(Files.isSymbolicLink(link), "the link itself is left alone");
        assertNothingOutsideChangedAndNoStagingLeft();
    }

    @Test
    void newFileGetsItsModeAndParentsTheirs() throws Exception {
        WriteOutcome o = files.write("etc/app/conf.d/x.conf", utf8("a=1\n"), WriteOptions.mode(0640).withParents(0750));
        assertTrue(o.written());
        assertEquals(-1, o.oldSize());
        Path f = root.resolve("etc/app/conf.d/x.conf");
        assertEquals("a=1\n", Files.readString(f));
        assertEquals("rw-r-----", mode(f));
        assertEquals("rwxr-x---", mode(root.resolve("etc/app/conf.d")));
        assertEquals("rwxr-x---", mode(root.resolve("etc")));
        assertNothingOutsideChangedAndNoStagingLeft();
    }

    @Test
    void missingParentIsAnErrorUnlessParentsAreCreated() {
        assertThrows(NoSuchFileException.class, () -> files.write("etc/x", utf8("x"), WriteOptions.mode(0644)));
        assertFalse(Files.exists(root.resolve("etc")));
    }

    @Test
    void existingFileKeepsOwnerGroupAndModeWhenAskedAndTakesTheModeOtherwise() throws Exception {
        Path f = Files.createDirectories(root.resolve("etc")).resolve("motd");
        Files.writeString(f, "old\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        int id = chownIfRoot(f, 4242);
        files.write("etc/motd", utf8("new\n"), WriteOptions.mode(0600).keepingExisting());
        assertEquals("new\n", Files.readString(f));
        assertEquals("rw-r-----", mode(f));
        assertEquals(id, Files.getAttribute(f, "unix:uid"));
        assertEquals(id, Files.getAttribute(f, "unix:gid"));

        files.write("etc/motd", utf8("newer\n"), WriteOptions.mode(0644));
        assertEquals("rw-r--r--", mode(f));
        assertEquals(Files.getAttribute(root, "unix:uid"), Files.getAttribute(f, "unix:uid"), "owned by the writer");
    }

    @Test
    void unchangedContentAndModeIsNotRewritten() throws Exception {
        files.write("etc/a", utf8("same"), WriteOptions.mode(0644).withParents(0755));
        Object inode = Files.getAttribute(root.resolve("etc/a"), "unix:ino");
        WriteOutcome o = files.write("etc/a", utf8("same"), WriteOptions.mode(0644).skippingUnchanged());
        assertFalse(o.written());
        assertEquals(inode, Files.getAttribute(root.resolve("etc/a"), "unix:ino"));
        assertTrue(files.write("etc/a", utf8("same"), WriteOptions.mode(0600).skippingUnchanged()).written(),
                "a different mode is a change");
    }

    @Test
    void backupKeepsTheOldContentAndModeInPrivateDirectoriesTightenedTo0700() throws Exception {
        Files.createDirectories(root.resolve("var/lib/nova-agent"));
        Files.setPosixFilePermissions(root.resolve("var/lib/nova-agent"), PosixFilePermissions.fromString("rwxr-xr-x"));
        files.write("etc/hosts", utf8("one\n"), WriteOptions.mode(0644).withParents(0755));
        WriteOutcome o = files.write("etc/hosts", utf8("two\n"), WriteOptions.mode(0644).withBackup());
        assertEquals(WriteOutcome.Backup.KEPT, o.backup());
        assertEquals("", o.backupNote());
        Path backup = BackupDirectory.backupOf(root, "etc/hosts");
        assertEquals("one\n", Files.readString(backup));
        assertEquals("rw-r--r--", mode(backup));
        for (Path d = backup.getParent(); !d.equals(root.resolve("var/lib")); d = d.getParent()) {
            assertEquals("rwx------", mode(d), d.toString());
        }
        assertEquals("rwxr-xr-x", mode(root.resolve("var/lib")));
        assertNothingOutsideChangedAndNoStagingLeft();
    }

    @Test
    void backupAboveTheCapIsSkippedWithAReasonAndTheWriteStillHappens() throws Exception {
        Path f = Files.createDirectories(root.resolve("home/bob/.ssh")).resolve("authorized_keys");
        try (RandomAccessFile sparse = new RandomAccessFile(f.toFile(), "rw")) {
            sparse.setLength(3L << 30);                  // 3 GiB, no blocks
        }
        WriteOutcome o = files.write("home/bob/.ssh/authorized_keys", utf8("key\n"),
                WriteOptions.mode(0600).keepingExisting().withBackup().skippingUnchanged());
        assertTrue(o.written());
        assertEquals(WriteOutcome.Backup.SKIPPED_TOO_LARGE, o.backup());
        assertEquals(3L << 30, o.oldSize());
        assertTrue(o.backupNote().contains("3221225472 bytes"), o.backupNote());
        assertFalse(Files.exists(BackupDirectory.backupOf(root, "home/bob/.ssh/authorized_keys")));
        assertEquals("key\n", Files.readString(f));
        assertThrows(RefusedPathException.class, () -> files.read("home/bob/.ssh/authorized_keys", 3));
    }

    @Test
    void hardLinkedFifoAndDirectoryTargetsAreRefused() throws Exception {
        Path etc = Files.createDirectories(root.resolve("etc"));
        Files.createLink(etc.resolve("linked"), outside.resolve("victim"));
        RefusedPathException e = assertThrows(RefusedPathException.class,
                () -> files.write("etc/linked", utf8("x"), WriteOptions.mode(0644)));
        assertEquals("'etc/linked' has 2 hard links; refusing to touch it", e.getMessage());
        Files.createDirectory(etc.resolve("dir"));
        assertThrows(RefusedPathException.class, () -> files.write("etc/dir", utf8("x"), WriteOptions.mode(0644)));
        Process mkfifo = new ProcessBuilder("mkfifo", etc.resolve("fifo").toString()).start();
        assertEquals(0, mkfifo.waitFor());
        assertThrows(RefusedPathException.class, () -> files.read("etc/fifo", 100), "no blocking open either");
        assertNothingOutsideChangedAndNoStagingLeft();
    }

    @Test
    void interruptedWriteStopsBeforeTheRenameAndLeavesTheTargetAlone() throws Exception {
        files.write("etc/big", utf8("old"), WriteOptions.mode(0644).withParents(0755));
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedIOException.class,
                    () -> files.write("etc/big", new byte[8 << 20], WriteOptions.mode(0644).withBackup()));
        } finally {
            Thread.interrupted();
        }
        assertEquals("old", Files.readString(root.resolve("etc/big")));
        assertNothingOutsideChangedAndNoStagingLeft();
    }

    @Test
    void interruptDuringALargeWriteEndsItWithoutChangingTheTarget() throws Exception {
        files.write("etc/big", utf8("old"), WriteOptions.mode(0644).withParents(0755));
        Thread writer = Thread.currentThread();
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
            writer.interrupt();                  // what the runtime's future.cancel(true) does at the timeout
        });
        canceller.start();
        try {
            for (int i = 0; i < 200; i++) {      // at most ~12 GB: the interrupt always comes first
                files.write("etc/big", new byte[64 << 20], WriteOptions.mode(0644));
            }
            throw new AssertionError("never interrupted");
        } catch (InterruptedIOException expected) {
            // stopped between chunks or in a blocked write
        } finally {
            canceller.join();
            Thread.interrupted();
        }
        try (Stream<Path> s = Files.walk(root)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".nova-agent-")).toList());
        }
    }

    @Test
    void stateFilesArePrivateAndTheirDirectoriesTheAgentsOwn() throws Exception {
        Files.createDirectories(root.resolve("var/lib/nova-agent"));
        Files.setPosixFilePermissions(root.resolve("var/lib/nova-agent"), PosixFilePermissions.fromString("rwxrwxrwx"));
        files.writeState("var/lib/nova-agent/requests/r1", utf8("started"), 0600);
        assertEquals("started", Files.readString(root.resolve("var/lib/nova-agent/requests/r1")));
        assertEquals("rw-------", mode(root.resolve("var/lib/nova-agent/requests/r1")));
        assertEquals("rwx------", mode(root.resolve("var/lib/nova-agent")));
        assertEquals("rwx------", mode(root.resolve("var/lib/nova-agent/requests")));
        assertEquals(List.of("r1"), files.list("var/lib/nova-agent/requests"));
        assertThrows(IllegalArgumentException.class, () -> files.writeState("etc/motd", utf8("x"), 0600));
        assertNothingOutsideChangedAndNoStagingLeft();
    }

    @Test
    void aLinkedStateDirectoryIsRefused() throws Exception {
        Files.createDirectories(root.resolve("var/lib"));
        Files.createSymbolicLink(root.resolve("var/lib/nova-agent"), outside);
        RefusedPathException e = assertThrows(RefusedPathException.class,
                () -> files.writeState("var/lib/nova-agent/requests/r1", utf8("x"), 0600));
        assertEquals("var/lib/nova-agent", e.relativePath());
        assertThrows(RefusedPathException.class, () -> files.list("var/lib/nova-agent"));
        assertNothingOutsideChangedAndNoStagingLeft();
    }

    @Test
    void interruptedWritesInAStateDirectoryAreRemovedAndNothingElse() throws Exception {
        files.writeState("var/lib/nova-agent/requests/kept", utf8("done"), 0600);
        Path dir = root.resolve("var/lib/nova-agent/requests");
        Path left = Files.createDirectory(dir.resolve(".nova-agent-00112233aabbccdd"));
        Files.writeString(left.resolve("new"), "half a rec");
        Files.createSymbolicLink(dir.resolve(".nova-agent-link"), outside);
        assertEquals(1, files.removeInterruptedWrites("var/lib/nova-agent/requests"));
        assertEquals(List.of(".nova-agent-link", "kept"), files.list("var/lib/nova-agent/requests"));
        assertEquals(0, files.removeInterruptedWrites("var/lib/nova-agent/none"));
        assertEquals(List.of(), files.list("var/lib/nova-agent/none"));
        assertEquals("keep", Files.readString(outside.resolve("victim")));
    }

    @Test
    void deleteRemovesALinkWithoutFollowingIt() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.createSymbolicLink(root.resolve("etc/l"), outside.resolve("victim"));
        assertTrue(files.delete("etc/l"));
        assertFalse(Files.exists(root.resolve("etc/l"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(files.delete("etc/l"));
        assertFalse(files.delete("nothing/here"));
        assertNothingOutsideChangedAndNoStagingLeft();
    }

    @Test
    void readAndStatSeeWhatIsThere() throws Exception {
        files.write("etc/x", utf8("12345"), WriteOptions.mode(0604).withParents(0755));
        assertArrayEquals(utf8("12345"), files.read("etc/x", 5).orElseThrow());
        FileFacts f = files.stat("etc/x").orElseThrow();
        assertEquals(FileFacts.Type.REGULAR, f.type());
        assertEquals(5, f.size());
        assertEquals(0604, f.mode());
        assertTrue(files.stat("etc/none").isEmpty());
        assertTrue(files.read("none/x", 5).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/x", "etc/../x", "etc/./x", "etc//x", "etc/x/", ".."})
    void pathsMustBeNormalisedAndRelative(String bad) {
        assertThrows(IllegalArgumentException.class, () -> files.write(bad, utf8("x"), WriteOptions.mode(0644)));
    }

    /** Gives the file a foreign owner when the test runs as root, so preservation is really checked. */
    private static int chownIfRoot(Path file, int id) throws IOException {
        try {
            Files.setAttribute(file, "unix:uid", id);
            Files.setAttribute(file, "unix:gid", id);
            return id;
        } catch (IOException e) {
            int own = (Integer) Files.getAttribute(file, "unix:uid");
            Files.setAttribute(file, "unix:gid", own);
            return own;
        }
    }
}
