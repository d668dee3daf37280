/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.ProcessResult;
import org.novaagent.testkit.RequiredTool;
import org.novaagent.api.support.Sha512Crypt;

/** Direct shadow edits, proven with the real shadow tools and other crypt implementations. */
class ShadowFileTests {

    private static final String NEW = "N3w-Secret ü!";

    @TempDir
    Path root;

    private ShadowFile shadow(Duration lockTimeout) {
        return new ShadowFile(root, Clock.fixed(Contexts.NOW, ZoneOffset.UTC), new SecureRandom(), lockTimeout);
    }

    @Test
    void replacesOnlyHashAndLastChangeOfTheUser() throws Exception {
        ScratchRoot.create(root);
        shadow(Duration.ofSeconds(2)).setPassword("root", utf8(NEW));

        String[] fields = ScratchRoot.shadowEntry(root, "root");
        assertEquals(9, fields.length);
        assertEquals(String.valueOf(Contexts.NOW.getEpochSecond() / 86_400), fields[2]);
        assertTrue(fields[1].matches("\\$6\\$[a-zA-Z0-9./]{16}\\$[a-zA-Z0-9./]{86}"), fields[1]);
        String expected = ScratchRoot.SHADOW.replace(ScratchRoot.OLD_ROOT_HASH + ":19000:", fields[1] + ":20455:");
        assertEquals(expected, new String(ScratchRoot.shadowBytes(root), StandardCharsets.UTF_8));
        assertTrue(Sha512Crypt.verify(utf8(NEW), fields[1]));
        assertFalse(Sha512Crypt.verify(utf8(ScratchRoot.OLD_ROOT_PASSWORD), fields[1]));
        assertEquals(List.of(), ScratchRoot.leftovers(root));
    }

    @Test
    void writtenHashIsAcceptedByOpensslAndPythonAndRejectsTheOldPassword() throws Exception {
        String openssl = RequiredTool.require("openssl", "independent SHA-512 crypt").toString();
        String python = RequiredTool.require("/usr/bin/python3", "libxcrypt crypt() check").toString();
        ScratchRoot.create(root);
        shadow(Duration.ofSeconds(2)).setPassword("root", utf8(NEW));
        String stored = ScratchRoot.shadowEntry(root, "root")[1];
        String salt = stored.split("\\$")[2];

        TestProcessRunner runner = new TestProcessRunner();
        ProcessResult o = runner.run(List.of(openssl, "passwd", "-6", "-salt", salt, "-stdin"),
                utf8(NEW + "\n"), Duration.ofSeconds(30));
        assertEquals(stored, o.stdout().strip());
        String check = "import sys,crypt\npw,h=sys.stdin.buffer.read().decode().split('\\x00')\n"
                + "sys.exit(0 if crypt.crypt(pw,h)==h else 7)\n";
        assertEquals(0, runner.run(List.of(python, "-W", "ignore", "-c", check),
                utf8(NEW + "\0" + stored), Duration.ofSeconds(30)).exitCode());
        assertEquals(7, runner.run(List.of(python, "-W", "ignore", "-c", check),
                utf8(ScratchRoot.OLD_ROOT_PASSWORD + "\0" + stored), Duration.ofSeconds(30)).exitCode());
    }

    @Test
    void pwckAcceptsTheEditedFiles() throws Exception {
        String pwck = RequiredTool.require("pwck", "shadow-suite consistency check").toString();
        RequiredTool.requireRoot("pwck -R <scratch root> needs root: shadow-suite consistency check");
        ScratchRoot.create(root);
        TestProcessRunner runner = new TestProcessRunner();
        ProcessResult before = runner.run(List.of(pwck, "-r", "-R", root.toString()), new byte[0], Duration.ofSeconds(30));
        assertEquals(0, before.exitCode(), before.stdout() + before.stderr());
        shadow(Duration.ofSeconds(2)).setPassword("alice", utf8(NEW));
        ProcessResult after = runner.run(List.of(pwck, "-r", "-R", root.toString()), new byte[0], Duration.ofSeconds(30));
        assertEquals(0, after.exitCode(), after.stdout() + after.stderr());
        // and pwck does notice a broken shadow line, so the check above can fail
        Files.writeString(root.resolve("etc/shadow"), "root:x:notanumber:0:99999:7:::\n");
        assertTrue(runner.run(List.of(pwck, "-r", "-R", root.toString()), new byte[0], Duration.ofSeconds(30))
                .exitCode() != 0);
    }

    @Test
    void keepsModeAndOwner() throws Exception {
        ScratchRoot.create(root);
        Path file = root.resolve("etc/shadow");
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        GroupPrincipal group = view.readAttributes().group();
        if ("root".equals(System.getProperty("user.name"))) {
            group = root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName("daemon");
            view.setGroup(group);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        shadow(Duration.ofSeconds(2)).setPassword("root", utf8(NEW));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(group, Files.readAttributes(file, java.nio.file.attribute.PosixFileAttributes.class).group());
    }

    @Test
    void unknownUserLeavesTheFileByteIdentical() throws Exception {
        ScratchRoot.create(root);
        byte[] before = ScratchRoot.shadowBytes(root);
        PasswordException e = assertThrows(PasswordException.class,
                () -> shadow(Duration.ofSeconds(2)).setPassword("ghost", utf8(NEW)));
        assertEquals("User ghost not found in /etc/shadow", e.getMessage());
        assertArrayEquals(before, ScratchRoot.shadowBytes(root));
        assertEquals(List.of(), ScratchRoot.leftovers(root));
    }

    @Test
    void userNamePrefixDoesNotMatchAnotherUser() throws Exception {
        ScratchRoot.create(root);
        assertThrows(PasswordException.class, () -> shadow(Duration.ofSeconds(2)).setPassword("ali", utf8(NEW)));
    }

    @Test
    void missingShadowIsAClearError() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        PasswordException e = assertThrows(PasswordException.class,
                () -> shadow(Duration.ofSeconds(2)).setPassword("root", utf8(NEW)));
        assertEquals("Cannot set password: /etc/shadow not found", e.getMessage());
    }

    @Test
    void waitsForTheShadowLockAndTimesOut() throws Exception {
        String python = RequiredTool.require("/usr/bin/python3", "a second process holding the fcntl lock").toString();
        ScratchRoot.create(root);
        byte[] before = ScratchRoot.shadowBytes(root);
        Path lock = root.resolve("etc/.pwd.lock");
        Process holder = new ProcessBuilder(python, "-c", "import fcntl,sys,time\n"
                + "f=open(sys.argv[1],'w'); fcntl.lockf(f, fcntl.LOCK_EX); print('locked', flush=True); time.sleep(30)\n",
                lock.toString()).redirectErrorStream(true).start();
        try {
            assertEquals("locked", new String(holder.getInputStream().readNBytes(6), StandardCharsets.US_ASCII));
            PasswordException e = assertThrows(PasswordException.class,
                    () -> shadow(Duration.ofMillis(300)).setPassword("root", utf8(NEW)));
            assertEquals("Timed out waiting for the shadow lock /etc/.pwd.lock", e.getMessage());
            assertArrayEquals(before, ScratchRoot.shadowBytes(root));
        } finally {
            holder.destroyForcibly().waitFor();
        }
        shadow(Duration.ofSeconds(2)).setPassword("root", utf8(NEW));
        assertTrue(Sha512Crypt.verify(utf8(NEW), ScratchRoot.shadowEntry(root, "root")[1]));
    }

    @Test
    void replaceFieldsKeepsOddBytesAndMissingFinalNewline() throws PasswordException {
        byte[] original = "# comment\nroot:old:1::\u00ff\u0001:x\nbob:*:2:".getBytes(StandardCharsets.ISO_8859_1);
        byte[] updated = ShadowFile.replaceFields(original, "bob", "$6$s$h", "99");
        assertEquals("# comment\nroot:old:1::\u00ff\u0001:x\nbob:$6$s$h:99:",
                new String(updated, StandardCharsets.ISO_8859_1));
        assertThrows(PasswordException.class, () -> ShadowFile.replaceFields(utf8("root:x\n"), "root", "h", "1"));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
