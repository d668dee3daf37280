/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.file.inject.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.novaagent.api.CommandException;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.testkit.RecordingProcessRunner;
import org.novaagent.testkit.TestCommandContext;
import org.novaagent.testkit.TestHostFacts;
import org.novaagent.testkit.TestRequests;

/**
 * {@code injectfile} and {@code file_inject} on a Windows-shaped root (a {@code Windows/System32}
 * tree standing for drive C:): the old agent's spec example, NTFS's case-insensitive names, the
 * Windows path rules (UNC, device and drive-relative paths, other drives, traversal, streams,
 * reserved names, forbidden characters, trailing dots), links on the path, the backup under
 * {@code ProgramData\nova-agent\backup}, and no temporary file left after any failure.
 */
class WindowsInjectFileTests {

    @TempDir
    Path root;
    @TempDir
    Path outside;

    private final InjectFileCommandHandler handler = new InjectFileCommandHandler();

    @BeforeEach
    void windowsShaped() throws IOException {
        Files.createDirectories(root.resolve("Windows/System32"));
    }

    private TestCommandContext windows() {
        return TestCommandContext.builder(root).hostFacts(TestHostFacts::windows)
                .runner(new RecordingProcessRunner().failUnscripted("file injection must not run processes")).build();
    }

    private CommandResult inject(String path, byte[] contents) throws CommandException {
        byte[] p = (path + ",").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[p.length + contents.length];
        System.arraycopy(p, 0, all, 0, p.length);
        System.arraycopy(contents, 0, all, p.length, contents.length);
        return handler.handle(CommandRequest.of("1", "injectfile", Base64.getEncoder().encodeToString(all)), windows());
    }

    private CommandResult inject(String path, String text) throws CommandException {
        return inject(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private CommandException failure(String path) throws IOException {
        List<Path> before = tree();
        CommandException e = assertThrows(CommandException.class, () -> inject(path, "x"));
        assertEquals("500", e.returnCode());
        assertEquals(before, tree(), "nothing written, no temporary file left");
        return e;
    }

    private List<Path> tree() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(root::relativize).sorted().toList();
        }
    }

    @Test
    void theOldAgentsSpecExampleWritesTheFileOnTheSystemDrive() throws Exception {
        // InjectFileHandlerSpec.cs: QzpcdGVzdGZpbGUudHh0LEhlbGxvIFdvcmxk = C:\testfile.txt,Hello World
        assertEquals(CommandResult.ok(), handler.handle(
                CommandRequest.of("1", "injectfile", "QzpcdGVzdGZpbGUudHh0LEhlbGxvIFdvcmxk"), windows()));
        assertEquals("Hello World", Files.readString(root.resolve("testfile.txt")));
    }

    @Test
    void missingDirectoriesAreCreatedAndNamesMatchCaseInsensitivelyAsOnNtfs() throws Exception {
        inject("c:\\windows\\SYSTEM32\\drivers\\etc\\hosts", "127.0.0.1 localhost\r\n");
        assertEquals("127.0.0.1 localhost\r\n", Files.readString(root.resolve("Windows/System32/drivers/etc/hosts")));
        assertFalse(Files.exists(root.resolve("windows")), "no second Windows directory");
        inject("C:/Users/Administrator/notes.txt", "forward slashes are separators too");
        assertTrue(Files.isRegularFile(root.resolve("Users/Administrator/notes.txt")));
    }

    @Test
    void binaryContentsAreWrittenByteForByte() throws Exception {
        byte[] all = new byte[512];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i; // the C# agent decoded ASCII and lost every byte above 0x7f
        }
        inject("C:\\data\\blob.bin", all);
        assertArrayEquals(all, Files.readAllBytes(root.resolve("data/blob.bin")));
    }

    @Test
    void anExistingFileKeepsItsAccessAndOneBackupIsKeptUnderProgramData() throws Exception {
        Path file = Files.createDirectories(root.resolve("Users/Administrator")).resolve("keys.txt");
        Files.writeString(file, "first\r\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Files.setAttribute(file, "unix:gid", 4242);

        inject("C:\\Users\\Administrator\\keys.txt", "second\r\n");
        assertEquals("second\r\n", Files.readString(file));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(4242, Files.getAttribute(file, "unix:gid"));
        Path backup = root.resolve("ProgramData/nova-agent/backup/Users/Administrator/keys.txt");
        assertEquals("first\r\n", Files.readString(backup));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup.getParent())));

        inject("C:\\Users\\Administrator\\keys.txt", "third\r\n");
        assertEquals("second\r\n", Files.readString(backup), "one backup: the previous content");
        try (Stream<Path> s = Files.list(file.getParent())) {
            assertEquals(List.of(file), s.toList(), "nothing beside the file");
        }
    }

    @Test
    void aPreviousFileAboveTheCopyLimitIsReplacedWithoutABackup() throws Exception {
        Path file = root.resolve("big.log");
        Files.write(file, new byte[(int) org.novaagent.api.support.SafeFiles.COPY_LIMIT + 1]);
        inject("C:\\big.log", "small");
        assertEquals("small", Files.readString(file));
        assertFalse(Files.exists(root.resolve("ProgramData/nova-agent/backup/big.log")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\\\server\\share\\x.txt", "//server/share/x.txt", "\\\\?\\C:\\x.txt", "\\\\.\\PhysicalDrive0",
        "C:x.txt", "\\x.txt", "x.txt", "/etc/passwd", "D:\\x.txt", "C:\\", "C:\\a\\..\\..\\x.txt", "C:\\a\\.\\x.txt",
        "C:\\a\\\\x.txt", "C:\\a\\", "C:\\x.txt:stream", "C:\\x.txt::$DATA", "C:\\NUL", "C:\\dir\\con.txt",
        "C:\\Com1", "C:\\lpt9.log", "C:\\aux .txt", "C:\\CONOUT$", "C:\\a<b", "C:\\a>b", "C:\\a|b", "C:\\a?b", "C:\\a*b",
        "C:\\a\"b", "C:\\trailing.", "C:\\trailing ", "C:\\...", "C:\\x\u0000y", "C:\\x\ny", ""})
    void badPathsAreRefusedAndNothingIsWritten(String path) throws Exception {
        CommandException e = failure(path);
        assertTrue(e.getMessage().startsWith("Invalid path: "), e.getMessage());
    }

    @Test
    void refusalsNameTheRule() throws Exception {
        assertTrue(failure("\\\\srv\\c$\\x").getMessage().contains("UNC and device paths"));
        assertTrue(failure("C:\\x.txt:ads").getMessage().contains("alternate data stream"));
        assertTrue(failure("C:\\a\\..\\x").getMessage().contains("no '.', '..'"));
        assertTrue(failure("C:\\PRN.txt").getMessage().contains("'PRN.txt' is a reserved device name"));
        assertTrue(failure("E:\\x").getMessage().contains("drive E: is not the system drive C:"));
        assertTrue(failure("C:\\" + "n".repeat(256)).getMessage().contains("longer than 255"));
        assertTrue(failure("C:\\x.").getMessage().contains("ends with a dot or a space"));
    }

    @Test
    void aLinkOnThePathIsRefusedAndNotFollowed() throws Exception {
        Path victim = Files.createDirectories(outside.resolve("victim"));
        Files.createSymbolicLink(root.resolve("Users"), victim);
        CommandException e = failure("C:\\Users\\bob\\x.txt");
        assertEquals("Refusing to write 'C:\\Users\\bob\\x.txt': 'C:\\Users' is a symbolic link; refusing to follow it",
                e.getMessage());
        try (Stream<Path> s = Files.list(victim)) {
            assertEquals(0, s.count(), "nothing lands where the link points");
        }
    }

    @Test
    void aLinkAsTheTargetIsNeitherFollowedNorReplaced() throws Exception {
        Path victim = Files.writeString(outside.resolve("victim.txt"), "keep");
        Files.createSymbolicLink(root.resolve("link.txt"), victim);
        CommandException e = failure("C:\\LINK.TXT");
        assertTrue(e.getMessage().endsWith("'C:\\LINK.TXT' is a symbolic link; refusing to follow it"), e.getMessage());
        assertEquals("keep", Files.readString(victim));
        assertTrue(Files.isSymbolicLink(root.resolve("link.txt")));
    }

    @Test
    void directoriesFilesOnThePathHardLinksAndAmbiguousCaseAreRefused() throws Exception {
        assertTrue(failure("C:\\Windows").getMessage().endsWith("'C:\\Windows' is a directory"));
        Files.writeString(root.resolve("file"), "x");
        assertTrue(failure("C:\\file\\child").getMessage().endsWith("'C:\\file' is not a directory"));
        Files.createLink(root.resolve("second-name"), root.resolve("file"));
        assertTrue(failure("C:\\file").getMessage().endsWith("'C:\\file' has 2 hard links"));
        Files.createDirectories(root.resolve("Data"));
        Files.createDirectories(root.resolve("data"));
        assertTrue(failure("C:\\DATA\\x").getMessage().contains("is ambiguous: 2 names differ only in case"));
    }

    @Test
    void fileInjectTakesTheSameWindowsPaths() throws Exception {
        String json = "{\"b64_path\": \"" + Base64.getEncoder().encodeToString("C:\\a,b\\c.txt".getBytes(StandardCharsets.UTF_8))
                + "\", \"b64_file\": \"" + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}) + "\"}";
        assertEquals(CommandResult.ok(), new FileInjectCommandHandler().handle(TestRequests.json("file_inject", json), windows()));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(root.resolve("a,b/c.txt")));
        assertTrue(Files.isDirectory(root.resolve("a,b"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void applicableOnWindowsAndPosixTargets() {
        assertTrue(handler.isApplicable(TestHostFacts.windows(root)));
        assertTrue(new FileInjectCommandHandler().isApplicable(TestHostFacts.windows(root)));
        assertTrue(handler.applicability(TestHostFacts.windows(root)).reason().contains("C:\\"));
        assertTrue(handler.isApplicable(TestHostFacts.debian(root)));
    }

    @Test
    void theSystemDriveIsTheRootsOwnOnWindowsAndCForAShapedTree() {
        assertEquals('D', WindowsTargetPath.systemDrive("D:\\"));
        assertEquals('C', WindowsTargetPath.systemDrive("c:\\"));
        assertEquals('C', WindowsTargetPath.systemDrive("/tmp/winroot"));
        assertEquals('C', WindowsTargetPath.systemDrive("D:\\images\\win"));
    }
}
