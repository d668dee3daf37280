/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.novaagent.api.CommandContext;
import org.novaagent.api.ProcessResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a password on FreeBSD, which has no chpasswd and no {@code /etc/shadow}: its hashes live
 * in {@code master.passwd}, and only {@code pw}/{@code pwd_mkdb} keep {@code spwd.db} in step. So it
 * runs {@code pw usermod <user> -h 0}: pw reads the password as one line from file descriptor 0
 * (stdin), never from argv, and hashes it with the class's {@code passwd_format} from login.conf
 * ({@code sha512}, a {@code $6$} hash, by default since FreeBSD 9). A root that is not the live
 * system is refused: nothing can run there, and editing {@code master.passwd} without
 * {@code pwd_mkdb} would not take effect.
 */
final class FreebsdPasswordSetter {

    private static final Logger LOG = LoggerFactory.getLogger(FreebsdPasswordSetter.class);
    private static final Duration PW_TIMEOUT = Duration.ofSeconds(60);

    private FreebsdPasswordSetter() {
    }

    /**
     * @param context  the request context (live FreeBSD system)
     * @param user     a validated user name
     * @param password the new password
     * @throws PasswordException    with a host-safe message
     * @throws InterruptedException when cancelled
     */
    static void set(CommandContext context, String user, PlainPassword password)
            throws PasswordException, InterruptedException {
        String fail = "Failed to change password for " + user + ": ";
        if (!context.liveSystem()) {
            throw new PasswordException(fail + "a FreeBSD target root other than the live system is not supported"
                    + " (pw and pwd_mkdb must run on it)");
        }
        String pw = context.hostFacts().which("pw").orElseThrow(() -> new PasswordException(fail + "pw(8) not found"));
        byte[] secret = password.utf8();
        byte[] stdin = Arrays.copyOf(secret, secret.length + 1);
        stdin[secret.length] = '\n';
        ProcessResult result;
        try {
            result = context.processes().run(List.of(pw, "usermod", user, "-h", "0"), stdin, PW_TIMEOUT);
        } catch (IOException e) {
            throw new PasswordException(fail + "cannot run pw", e);
        } finally {
            Arrays.fill(stdin, (byte) 0);
        }
        if (!result.executed()) {
            throw new PasswordException(fail + "pw was not run");
        }
        if (!result.succeeded()) {
            throw new PasswordException(fail + result.exitCode() + ": "
                    + LinuxPasswordSetter.safeStderr(result.stderr(), secret));
        }
        LOG.info("password for {} changed with pw usermod -h 0", user);
    }
}
