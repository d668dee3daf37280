/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.testkit.RequiredTool;
import org.novaagent.testkit.TestCommandContext;
import org.novaagent.api.support.Sha512Crypt;

/**
 * The real {@code chpasswd -c SHA512 -R <scratch root>} path of the setter (only ever against a
 * scratch root), the password on stdin and never in argv, and the method choice.
 */
class LinuxPasswordSetterTests {

    private static final String NEW = "Chp4sswd ü-Test";

    @TempDir
    Path root;

    private LinuxPasswordSetter chpasswdSetter(TestProcessRunner runner) {
        String chpasswd = RequiredTool.require("chpasswd", "the live-system password path").toString();
        RequiredTool.requireRoot("chpasswd -R <scratch root> needs root: the live-system password path");
        return new LinuxPasswordSetter(LinuxPasswordSetter.Method.CHPASSWD, chpasswd, runner, root,
                Clock.systemUTC(), new SecureRandom());
    }

    @Test
    void realChpasswdSetsTheScratchRootPassword() throws Exception {
        ScratchRoot.create(root);
        TestProcessRunner runner = new TestProcessRunner();
        try (PlainPassword pw = PlainPassword.ofUtf8(utf8(NEW))) {
            chpasswdSetter(runner).set("root", pw);
        }
        String stored = ScratchRoot.shadowEntry(root, "root")[1];
        assertTrue(stored.matches("\\$6\\$[a-zA-Z0-9./]{16}\\$.{86}"), stored);
        assertTrue(Sha512Crypt.verify(utf8(NEW), stored), "our crypt accepts chpasswd's hash");
        assertFalse(Sha512Crypt.verify(utf8(ScratchRoot.OLD_ROOT_PASSWORD), stored));
        List<String> argv = runner.commands.get(0);
        assertEquals(List.of("-c", "SHA512", "-R", root.toAbsolutePath().toString()), argv.subList(1, argv.size()));
        assertTrue(argv.stream().noneMatch(a -> a.contains(NEW)));
    }

    @Test
    void chpasswdFailureIsReportedWithCodeAndStderr() throws Exception {
        ScratchRoot.create(root);
        byte[] before = ScratchRoot.shadowBytes(root);
        try (PlainPassword pw = PlainPassword.ofUtf8(utf8(NEW))) {
            PasswordException e = assertThrows(PasswordException.class,
                    () -> chpasswdSetter(new TestProcessRunner()).set("ghost", pw));
            assertTrue(e.getMessage().startsWith("Failed to change password for ghost: 1: "), e.getMessage());
            assertTrue(e.getMessage().contains("ghost"), e.getMessage());
            assertFalse(e.getMessage().contains(NEW));
        }
        assertArrayEquals(before, ScratchRoot.shadowBytes(root));
    }

    @Test
    void stderrEchoingThePasswordIsWithheldAndLongStderrTruncated() {
        byte[] pw = utf8("hunter2");
        assertEquals("<stderr withheld: it contained the password>",
                LinuxPasswordSetter.safeStderr("bad line: root:hunter2\n", pw));
        String longErr = LinuxPasswordSetter.safeStderr("x".repeat(1000) + "\nchpasswd: PAM: Authentication token lock busy", pw);
        assertEquals(203, longErr.length());
        assertTrue(longErr.endsWith("xxx chpasswd: PAM: Authentication token lock busy"), longErr);
    }

    @Test
    void scratchRootUsesTheShadowFileEvenWhenChpasswdExists() throws Exception {
        ScratchRoot.create(root);
        TestCommandContext context = Contexts.linux(root);
        assertEquals(LinuxPasswordSetter.Method.SHADOW_FILE,
                LinuxPasswordSetter.forContext(context, new SecureRandom()).method());
    }

    @Test
    void userSettingIsValidated() throws Exception {
        TestCommandContext context = Contexts.linux(root);
        assertEquals("root", LinuxPasswordSetter.userFrom(context));
        context.putSetting("password.user", "cloud-user");
        assertEquals("cloud-user", LinuxPasswordSetter.userFrom(context));
        for (String bad : new String[] {"", "root:x", "a b", "../etc", "-rf", "x".repeat(40), "ro\not"}) {
            context.putSetting("password.user", bad);
            assertThrows(PasswordException.class, () -> LinuxPasswordSetter.userFrom(context), bad);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
