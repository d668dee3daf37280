/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Windows writer on a Windows-shaped root on Linux (the only place it can run here): links and
 * special files at every component, NTFS-style case-insensitive names, the options, the backup under
 * {@code ProgramData/nova-agent/backup}, cancellation. The ACL branch needs a Windows JVM.
 */
class WindowsFilesTests {

    @TempDir
    Path scratch;
    private Path root;
    private Path outside;
    private WindowsFiles files;

    @BeforeEach
    void layOut() throws IOException {
        root = Files.createDirectories(scratch.resolve("root"));
        Files.createDirectories(root.resolve("Windows/System32"));
        outside = Files.createDirectories(scratch.resolve("outside"));
        Files.writeString(outside.resolve("victim"), "keep");
        files = WindowsFiles.under(root);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    private void assertNothingOutsideChangedAndNoTempLeft() throws IOException {
        assertEquals("keep", Files.readString(outside.resolve("victim")));
        try (Stream<Path> s = Files.list(outside)) {
            assertEquals(List.of(outside.resolve("victim")), s.toList());
        }
        try (Stream<Path> s = Files.walk(root)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".nova-agent-")).toList());
        }
    }

    @Test
    void createsParentsWithTheirModeAndTheFileWithItsOwn() throws Exception {
        WriteOutcome o = files.write("Users/Admin/x.txt", utf8("x"), WriteOptions.mode(0640).withParents(0750));
        assertEquals(new WriteOutcome(true, WriteOutcome.Backup.NONE, -1), o);
        assertEquals("x", Files.readString(root.resolve("Users/Admin/x.txt")));
        assertEquals("rw-r-----", mode(root.resolve("Users/Admin/x.txt")));
        assertEquals("rwxr-x---", mode(root.resolve("Users/Admin")));
        assertNothingOutsideChangedAndNoTempLeft();
    }

    @Test
    void withoutParentsAMissingDirectoryIsAnError() {
        assertThrows(NoSuchFileException.class, () -> files.write("Missing/x.txt", utf8("x"), WriteOptions.mode(0600)));
        assertFalse(Files.exists(root.resolve("Missing")));
    }

    @Test
    void namesMatchCaseInsensitivelyAndTwoSpellingsAreRefused() throws Exception {
        files.write("WINDOWS/system32/x.dll", utf8("x"), WriteOptions.mode(0600));
        assertTrue(Files.isRegularFile(root.resolve("Windows/System32/x.dll")));
        assertFalse(Files.exists(root.resolve("WINDOWS")));
        Files.createDirectories(root.resolve("Temp"));
        Files.createDirectories(root.resolve("TEMP"));
        RefusedPathException e = assertThrows(RefusedPathException.class,
                () -> files.write("temp/x", utf8("x"), WriteOptions.mode(0600)));
        assertEquals("temp", e.relativePath());
        assertEquals("is ambiguous: 2 names differ only in case", e.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Link/x.txt", "Windows/Link/x.txt", "Windows/System32/Link"})
    void aLinkAtAnyComponentIsRefused(String relative) throws Exception {
        Path link = root.resolve(relative.substring(0, relative.indexOf("Link") + 4));
        Files.createSymbolicLink(link, outside.resolve(relative.endsWith("Link") ? "victim" : ""));
        RefusedPathException e = assertThrows(RefusedPathException.class,
                () -> files.write(relative, utf8("x"), WriteOptions.mode(0600).withParents(0755).withBackup()));
        assertEquals("is a symbolic link; refusing to follow it", e.reason());
        assertEquals(root.relativize(link).toString(), e.relativePath());
        assertNothingOutsideChangedAndNoTempLeft();
    }

    @Test
    void readListDeleteAndCreateDirectoryWalkTheSameWayAndNeverFollowALink() throws Exception {
        Files.createSymbolicLink(root.resolve("Link"), outside);
        Files.createSymbolicLink(root.resolve("Windows/victim-link"), outside.resolve("victim"));
        files.write("Windows/a.txt", utf8("a"), WriteOptions.mode(0600));
        assertEquals("a", new String(files.read("windows/A.TXT", 10).orElseThrow(), StandardCharsets.UTF_8),
                "found as NTFS would");
        assertEquals(Optional.empty(), files.read("Windows/none", 10));
        assertEquals(Optional.empty(), files.read("None/x", 10));
        assertEquals("is larger than the limit of 0 bytes", assertThrows(RefusedPathException.class,
                () -> files.read("Windows/a.txt", 0)).reason());
        assertEquals(List.of("a.txt"), files.listFiles("Windows"), "no link, no directory");
        for (ThrowingRunnable refused : List.<ThrowingRunnable>of(() -> files.read("Link/victim", 10),
                () -> files.read("Windows/victim-link", 10), () -> files.listFiles("Link"),
                () -> files.delete("Windows/victim-link"), () -> files.delete("Link/victim"),
                () -> files.createDirectory("Link/d"))) {
            assertEquals("is a symbolic link; refusing to follow it",
                    assertThrows(RefusedPathException.class, refused::run).reason());
        }
        assertTrue(Files.isSymbolicLink(root.resolve("Windows/victim-link")), "the link is not removed either");
        assertEquals(Optional.of(root.resolve("Windows/d")), files.createDirectory("Windows/d",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
        assertEquals("rwx------", mode(root.resolve("Windows/d")));
        assertEquals(Optional.empty(), files.createDirectory("windows/D"), "already there: nothing created");
        assertThrows(NoSuchFileException.class, () -> files.createDirectory("None/d"));
        assertTrue(files.delete("Windows/a.txt"));
        assertFalse(files.delete("Windows/a.txt"));
        assertEquals("is not a regular file", assertThrows(RefusedPathException.class,
                () -> files.delete("Windows/d")).reason());
        assertNothingOutsideChangedAndNoTempLeft();
    }

    /** A call that may throw. */
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void specialFilesHardLinksAndDirectoriesAreRefused() throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", root.resolve("fifo").toString()).start();
        assertEquals(0, mkfifo.waitFor());
        assertEquals("is a junction, mount point or other special file; refusing to follow it", assertThrows(
                RefusedPathException.class, () -> files.write("fifo", utf8("x"), WriteOptions.mode(0600))).reason());
        Files.writeString(root.resolve("one"), "1");
        Files.createLink(root.resolve("two"), root.resolve("one"));
        assertEquals("has 2 hard links", assertThrows(RefusedPathException.class,
                () -> files.write("two", utf8("x"), WriteOptions.mode(0600))).reason());
        assertEquals("is a directory", assertThrows(RefusedPathException.class,
                () -> files.write("Windows", utf8("x"), WriteOptions.mode(0600))).reason());
        assertEquals("is not a directory", assertThrows(RefusedPathException.class,
                () -> files.write("one/x", utf8("x"), WriteOptions.mode(0600).withParents(0755))).reason());
        assertEquals("1", Files.readString(root.resolve("one")));
        assertNothingOutsideChangedAndNoTempLeft();
    }

    @Test
    void keepsTheReplacedFilesAccessAndOneBackupWithIt() throws Exception {
        Path file = root.resolve("Windows/win.ini");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        WriteOutcome o = files.write("Windows/win.ini", utf8("new"), WriteOptions.mode(0600).keepingExisting().withBackup());
        assertEquals(new WriteOutcome(true, WriteOutcome.Backup.KEPT, 3), o);
        assertEquals("new", Files.readString(file));
        assertEquals("rw-r-----", mode(file));
        Path backup = root.resolve(BackupDirectory.WINDOWS_RELATIVE).resolve("Windows/win.ini");
        assertEquals("old", Files.readString(backup));
        assertEquals("rw-r-----", mode(backup));
        assertEquals("rwx------", mode(backup.getParent()));

        files.write("Windows/win.ini", utf8("newer"), WriteOptions.mode(0644).withBackup());
        assertEquals("rw-r--r--", mode(file), "without keepingExisting the file gets the mode");
        assertEquals("new", Files.readString(backup));
        assertNothingOutsideChangedAndNoTempLeft();
    }

    @Test
    void aLargePreviousFileIsNotCopiedAndUnchangedContentIsNotRewritten() throws Exception {
        Path file = root.resolve("big.bin");
        Files.write(file, new byte[(int) SafeFiles.COPY_LIMIT + 1]);
        WriteOutcome o = files.write("big.bin", utf8("small"), WriteOptions.mode(0600).withBackup());
        assertEquals(WriteOutcome.Backup.SKIPPED_TOO_LARGE, o.backup());
        assertTrue(o.backupNote().startsWith("no backup kept"), o.backupNote());
        assertFalse(Files.exists(root.resolve(BackupDirectory.WINDOWS_RELATIVE)));

        Object inode = Files.getAttribute(file, "unix:ino");
        WriteOutcome same = files.write("big.bin", utf8("small"), WriteOptions.mode(0600).skippingUnchanged());
        assertFalse(same.written());
        assertEquals(inode, Files.getAttribute(file, "unix:ino"), "not replaced");
    }

    @Test
    void anInterruptedWriteLeavesTheTargetAsItWas() throws Exception {
        files.write("x.txt", utf8("old"), WriteOptions.mode(0600));
        Thread.currentThread().interrupt();
        try {
            assertThrows(IOException.class, () -> files.write("x.txt", utf8("new"), WriteOptions.mode(0600)));
        } finally {
            Thread.interrupted();
        }
        assertArrayEquals(utf8("old"), Files.readAllBytes(root.resolve("x.txt")));
        assertNothingOutsideChangedAndNoTempLeft();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/x", "x/", "a//b", "a/../b", "./x", "a\\b", "x.txt:stream", "C:/x", "a\u0000b"})
    void pathsThatAreNotNormalisedRootRelativeNamesAreProgrammingErrors(String relative) {
        assertThrows(IllegalArgumentException.class, () -> files.write(relative, utf8("x"), WriteOptions.mode(0600)));
    }
}
