/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.novaagent.testkit.RequiredTool;

/**
 * Proves a login the way PAM does: pam_unix's own helper {@code unix_chkpwd}, run by {@code chroot}
 * inside a scratch root, reads that root's {@code /etc/shadow} and checks the password given on
 * stdin (exit 0 = accepted, 7 = rejected). The helper and its libraries (from {@code ldd}) are
 * copied into the root; nothing of the host's own accounts is read.
 */
public final class LoginCheck {

    private static final Pattern LIB = Pattern.compile("(/\\S+)");

    private LoginCheck() {
    }

    /** Copies unix_chkpwd and its shared libraries into {@code root}; needs root (chroot). */
    public static void install(Path root) throws IOException, InterruptedException {
        Path helper = RequiredTool.require("/sbin/unix_chkpwd", "pam_unix's password checker proves a login");
        RequiredTool.require("chroot", "the login check runs inside the scratch root");
        copy(helper, root);
        Process ldd = new ProcessBuilder("ldd", helper.toString()).redirectErrorStream(true).start();
        String out = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ldd.waitFor(10, TimeUnit.SECONDS);
        Matcher m = LIB.matcher(out);
        while (m.find()) {
            copy(Path.of(m.group(1)), root);
        }
    }

    /** @return true when {@code user} can log in with {@code password} in {@code root} */
    public static boolean accepts(Path root, String user, String password) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("chroot", root.toString(), "/sbin/unix_chkpwd", user, "nullok"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write((password + "\0").getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("unix_chkpwd did not finish");
        }
        int rc = p.exitValue();
        if (rc != 0 && rc != 7) {
            throw new IllegalStateException("unix_chkpwd failed with " + rc + ": "
                    + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return rc == 0;
    }

    private static void copy(Path file, Path root) throws IOException {
        Path target = root.resolve(file.toString().substring(1));
        Files.createDirectories(target.getParent());
        Files.copy(file.toRealPath(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    }
}
