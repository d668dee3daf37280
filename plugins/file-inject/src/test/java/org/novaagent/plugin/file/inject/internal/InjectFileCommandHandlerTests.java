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

class InjectFileCommandHandlerTests {

    @TempDir
    Path root;
    @TempDir
    Path outside;

    private final InjectFileCommandHandler handler = new InjectFileCommandHandler();

    /** A RHEL scratch root on which the handler must not run any process. */
    private TestCommandContext rhel() {
        return TestCommandContext.builder(root).hostFacts(TestHostFacts::rhel)
                .runner(new RecordingProcessRunner().failUnscripted("file injection must not run processes")).build();
    }

    private CommandResult inject(byte[] pathThenContents) throws CommandException {
        String value = Base64.getEncoder().encodeToString(pathThenContents);
        return handler.handle(CommandRequest.of("1", "injectfile", value), rhel());
    }

    private CommandResult inject(String path, byte[] contents) throws CommandException {
        byte[] p = (path + ",").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[p.length + contents.length];
        System.arraycopy(p, 0, all, 0, p.length);
        System.arraycopy(contents, 0, all, p.length, contents.length);
        return inject(all);
    }

    private CommandException failure(String path, byte[] contents) {
        CommandException e = assertThrows(CommandException.class, () -> inject(path, contents));
        assertEquals("500", e.returnCode());
        assertNoTempFiles();
        return e;
    }

    private void assertNoTempFiles() {
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> temps = s.filter(p -> p.getFileName().toString().startsWith(".nova-agent-")).toList();
            assertEquals(List.of(), temps);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void writesAuthorizedKeysAsNovaSendsItWithPrivateModes() throws Exception {
        String keys = "\n# The following ssh key was injected by Nova\nssh-ed25519 AAAAC3Nza test@host\n";
        assertEquals(CommandResult.ok(), inject("/root/.ssh/authorized_keys", keys.getBytes(StandardCharsets.UTF_8)));

        Path file = root.resolve("root/.ssh/authorized_keys");
        assertEquals(keys, Files.readString(file));
        assertEquals("rw-------", mode(file));
        assertEquals("rwx------", mode(root.resolve("root/.ssh")));
        assertEquals("rwx------", mode(root.resolve("root")));
        assertFalse(Files.exists(root.resolve("root/.ssh/authorized_keys.bak")));
        assertFalse(Files.exists(FileInjector.backupOf(root, "/root/.ssh/authorized_keys")), "nothing to back up");
        assertNoTempFiles();
    }

    @Test
    void createsOtherParentsWorldReadable() throws Exception {
        inject("/etc/app/conf.d/x.conf", "a=1\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("rwxr-xr-x", mode(root.resolve("etc/app/conf.d")));
        assertEquals("rw-------", mode(root.resolve("etc/app/conf.d/x.conf")));
    }

    @Test
    void binaryContentsAreWrittenByteForByte() throws Exception {
        byte[] all = new byte[512];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;                       // every byte value, invalid UTF-8, NULs and commas
        }
        inject("/var/lib/blob.bin", all);
        assertArrayEquals(all, Files.readAllBytes(root.resolve("var/lib/blob.bin")));
    }

    @Test
    void splitsAtTheFirstCommaOnly() throws Exception {
        inject("/etc/csv", "a,b,,c\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("a,b,,c\n", Files.readString(root.resolve("etc/csv")));
    }

    @Test
    void emptyContentsGiveAnEmptyFile() throws Exception {
        inject("/etc/empty", new byte[0]);
        assertEquals(0, Files.size(root.resolve("etc/empty")));
    }

    @Test
    void existingFileKeepsModeAndOwnerAndOneBackup() throws Exception {
        Path file = root.resolve("etc/motd");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "first\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        int uid = chownIfRoot(file, 4242);

        inject("/etc/motd", "second\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("second\n", Files.readString(file));
        assertEquals("rw-r-----", mode(file));
        assertEquals(uid, Files.getAttribute(file, "unix:uid"));
        assertEquals(uid, Files.getAttribute(file, "unix:gid"));
        Path backup = FileInjector.backupOf(root, "/etc/motd");
        assertEquals(root.resolve("var/lib/nova-agent/backup/etc/motd"), backup);
        assertEquals("first\n", Files.readString(backup));
        assertEquals("rw-r-----", mode(backup));
        assertEquals("rwx------", mode(backup.getParent()));
        assertEquals("rwx------", mode(root.resolve("var/lib/nova-agent")));

        inject("/etc/motd", "third\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("second\n", Files.readString(backup), "only one backup, the latest");
        try (Stream<Path> s = Files.list(file.getParent())) {
            assertEquals(1, s.count(), "nothing is left beside the injected file");
        }
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

    @Test
    void symlinkedParentLeadingOutsideTheRootIsRefused() throws Exception {
        Files.createSymbolicLink(root.resolve("etc"), outside);
        CommandException e = failure("/etc/passwd", "x\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("'/etc' is a symbolic link"), e.getMessage());
        assertFalse(e.getMessage().contains(outside.toString()), "never the resolved path: " + e.getMessage());
        try (Stream<Path> s = Files.list(outside)) {
            assertEquals(0, s.count());
        }
    }

    /** Issue #19 finding 2: an in-root link is refused too (a user's ~/.ssh -> /root/.ssh is in the root). */
    @Test
    void symlinkedParentInsideTheRootIsRefusedToo() throws Exception {
        Files.createDirectories(root.resolve("data/real"));
        Files.createSymbolicLink(root.resolve("srv"), root.resolve("data/real"));
        CommandException e = failure("/srv/f", "ok".getBytes(StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("'/srv' is a symbolic link"), e.getMessage());
        try (Stream<Path> s = Files.list(root.resolve("data/real"))) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void symlinkAsTheTargetIsNotReplacedOrFollowed() throws Exception {
        Path victim = Files.writeString(outside.resolve("victim"), "keep");
        Files.createDirectories(root.resolve("etc"));
        Files.createSymbolicLink(root.resolve("etc/link"), victim);
        CommandException e = failure("/etc/link", "x".getBytes(StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertEquals("keep", Files.readString(victim));
        assertTrue(Files.isSymbolicLink(root.resolve("etc/link")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/root/../../etc/passwd", "/etc/../x", "/etc/./x", "etc/relative", "//etc/x",
        "/etc/x/", "/", "/etc/\u0000x", "/etc/x\ny", "C:\\Windows\\x.txt"})
    void badPathsAreRefused(String path) throws Exception {
        CommandException e = failure(path, "x".getBytes(StandardCharsets.UTF_8));
        assertTrue(e.getMessage().startsWith("Invalid path"), e.getMessage());
        try (Stream<Path> s = Files.list(root)) {
            assertEquals(0, s.count(), "nothing written");
        }
    }

    @Test
    void targetThatIsADirectoryIsRefused() throws Exception {
        Files.createDirectories(root.resolve("etc/dir/inner"));
        CommandException e = failure("/etc/dir", "x".getBytes(StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        assertTrue(Files.isDirectory(root.resolve("etc/dir/inner")));
    }

    @Test
    void parentThatIsAFileIsRefused() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/file"), "x");
        CommandException e = failure("/etc/file/child", "x".getBytes(StandardCharsets.UTF_8));
        assertTrue(e.getMessage().contains("not a directory"), e.getMessage());
    }

    @Test
    void contentsAboveTheLimitAreRefusedAndAtTheLimitAccepted() throws Exception {
        CommandException e = failure("/etc/big", new byte[FileInjector.MAX_CONTENT_BYTES + 1]);
        assertTrue(e.getMessage().startsWith("File too large"), e.getMessage());
        assertFalse(Files.exists(root.resolve("etc/big")));

        inject("/etc/big", new byte[FileInjector.MAX_CONTENT_BYTES]);
        assertEquals(FileInjector.MAX_CONTENT_BYTES, Files.size(root.resolve("etc/big")));
    }

    @Test
    void hugeEncodedValueIsRefusedBeforeDecoding() {
        String value = "A".repeat(FileInjector.MAX_ENCODED_CHARS + 4);
        CommandException e = assertThrows(CommandException.class, () -> handler.handle(
                CommandRequest.of("1", "injectfile", value), rhel()));
        assertTrue(e.getMessage().startsWith("File too large"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "L2V0Yy94LGE", "L2V0Yy94LGE=\n", "L2V0 Yy94LGE=", "L2V0Yy94LGE==="})
    void badBase64IsRefused(String value) {
        CommandException e = assertThrows(CommandException.class, () -> handler.handle(
                CommandRequest.of("1", "injectfile", value), rhel()));
        assertEquals("500", e.returnCode());
        assertEquals("Error doing base64 decoding of data", e.getMessage());
    }

    @Test
    void valueWithoutACommaIsRefused() throws Exception {
        CommandException e = assertThrows(CommandException.class,
                () -> inject("/etc/no-comma".getBytes(StandardCharsets.UTF_8)));
        assertEquals("500", e.returnCode());
        assertTrue(e.getMessage().contains("no comma"), e.getMessage());
        try (Stream<Path> s = Files.list(root)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void pathThatIsNotUtf8IsRefused() {
        byte[] bad = {'/', 'e', (byte) 0xff, ',', 'x'};
        CommandException e = assertThrows(CommandException.class, () -> inject(bad));
        assertEquals("Invalid path: not valid UTF-8", e.getMessage());
    }

    @Test
    void matchesTheWindowsAgentSpecExampleShape() throws Exception {
        // "QzpcdGVzdGZpbGUudHh0LEhlbGxvIFdvcmxk" is C:\testfile.txt,Hello World: a Windows path, refused on a
        // POSIX target (written on a Windows one: WindowsInjectFileTests).
        CommandException e = assertThrows(CommandException.class, () -> handler.handle(
                CommandRequest.of("1", "injectfile", "QzpcdGVzdGZpbGUudHh0LEhlbGxvIFdvcmxk"),
                rhel()));
        assertTrue(e.getMessage().contains("must be absolute"), e.getMessage());
    }

    @Test
    void applicableOnPosixAndWindowsTargets() {
        assertTrue(handler.isApplicable(TestHostFacts.windows(root))); // with Windows paths: WindowsInjectFileTests
        assertTrue(handler.isApplicable(TestHostFacts.debian(root)));
        assertEquals("injectfile", handler.name());
    }
}
