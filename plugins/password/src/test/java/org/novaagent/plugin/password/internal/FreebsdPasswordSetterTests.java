/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.HostFacts;
import org.novaagent.api.ProcessResult;
import org.novaagent.testkit.RecordingProcessRunner;
import org.novaagent.testkit.TestCommandContext;
import org.novaagent.testkit.TestHostFacts;

/**
 * FreeBSD's path: {@code pw usermod <user> -h 0} with the password as one line on stdin (fd 0),
 * never in argv; a failing pw answers a host-safe message without the password; a target root
 * that is not the live system is refused. (FreeBSD's pw is not on Debian: the command and its
 * stdin are checked as recorded.)
 */
class FreebsdPasswordSetterTests {

    private static final String NEW = "n3w-Pass word!";

    private static TestCommandContext freebsd(Path root, boolean live, RecordingProcessRunner runner) throws Exception {
        HostFacts facts = TestHostFacts.builder(root).os("freebsd", "14.1").family(HostFacts.OsFamily.FREEBSD)
                .init(HostFacts.InitSystem.BSD_RC).build();
        return TestCommandContext.builder(root).hostFacts(facts).live(live).runner(runner).build().tool("/usr/sbin/pw");
    }

    @Test
    void pwReadsThePasswordFromFdZero(@TempDir Path root) throws Exception {
        RecordingProcessRunner runner = new RecordingProcessRunner().otherwise(new ProcessResult(0, "", "", true));
        try (PlainPassword pw = PlainPassword.ofUtf8(NEW.getBytes(StandardCharsets.UTF_8))) {
            FreebsdPasswordSetter.set(freebsd(root, true, runner), "root", pw);
        }
        RecordingProcessRunner.Call call = runner.calls().get(0);
        assertEquals(List.of("/usr/sbin/pw", "usermod", "root", "-h", "0"), call.command());
        assertEquals(RecordingProcessRunner.sha256(NEW + "\n"), call.stdinSha256());
        assertFalse(String.join(" ", call.command()).contains(NEW));
    }

    @Test
    void aFailingPwIsReportedWithoutThePassword(@TempDir Path root) throws Exception {
        RecordingProcessRunner runner = new RecordingProcessRunner()
                .otherwise(new ProcessResult(67, "", "pw: user 'root' disappeared during update " + NEW, true));
        PasswordException e;
        try (PlainPassword pw = PlainPassword.ofUtf8(NEW.getBytes(StandardCharsets.UTF_8))) {
            e = assertThrows(PasswordException.class, () -> FreebsdPasswordSetter.set(freebsd(root, true, runner), "root", pw));
        }
        assertTrue(e.getMessage().startsWith("Failed to change password for root: 67"), e.getMessage());
        assertFalse(e.getMessage().contains(NEW), e.getMessage());
    }

    @Test
    void anOfflineRootIsRefused(@TempDir Path root) throws Exception {
        RecordingProcessRunner runner = new RecordingProcessRunner();
        try (PlainPassword pw = PlainPassword.ofUtf8(NEW.getBytes(StandardCharsets.UTF_8))) {
            PasswordException e = assertThrows(PasswordException.class,
                    () -> FreebsdPasswordSetter.set(freebsd(root, false, runner), "root", pw));
            assertTrue(e.getMessage().contains("live system"), e.getMessage());
        }
        assertEquals(List.of(), runner.calls());
    }
}
