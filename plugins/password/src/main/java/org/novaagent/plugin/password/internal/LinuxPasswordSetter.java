/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.novaagent.api.CommandContext;
import org.novaagent.api.ProcessResult;
import org.novaagent.api.ProcessRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a password on Linux: {@code chpasswd -c SHA512} with {@code user:password} on stdin
 * on a live system, or a direct {@link ShadowFile} edit when the target is a scratch root or
 * has no chpasswd (docs/protocol.md §9).
 */
final class LinuxPasswordSetter {

    /** How the password is written. */
    enum Method { CHPASSWD, SHADOW_FILE }

    /** Setting key for the account name. */
    static final String USER_SETTING = "password.user";
    /** Default account. */
    static final String DEFAULT_USER = "root";

    private static final Logger LOG = LoggerFactory.getLogger(LinuxPasswordSetter.class);
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,31}");
    private static final int MAX_STDERR = 200;
    private static final Duration CHPASSWD_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(15);

    private final Method method;
    private final String chpasswd;
    private final ProcessRunner runner;
    private final Path root;
    private final ShadowFile shadowFile;

    /**
     * @param method   how to write the password
     * @param chpasswd the chpasswd executable (used with {@link Method#CHPASSWD})
     * @param runner   runs chpasswd
     * @param root     the target root; chpasswd gets {@code -R root} when it is not {@code /}
     * @param clock    last-change day for the shadow file
     * @param random   salt source for the shadow file
     */
    LinuxPasswordSetter(Method method, String chpasswd, ProcessRunner runner, Path root,
                        Clock clock, SecureRandom random) {
        this.method = method;
        this.chpasswd = chpasswd;
        this.runner = runner;
        this.root = root;
        this.shadowFile = new ShadowFile(root, clock, random, LOCK_TIMEOUT);
    }

    /**
     * Picks chpasswd on a live system that has it, the shadow file otherwise.
     *
     * @param context the request context
     * @param random  salt source
     * @return the setter
     */
    static LinuxPasswordSetter forContext(CommandContext context, SecureRandom random) {
        Optional<String> tool = context.liveSystem() ? context.hostFacts().which("chpasswd") : Optional.empty();
        Method method = tool.isPresent() ? Method.CHPASSWD : Method.SHADOW_FILE;
        return new LinuxPasswordSetter(method, tool.orElse("chpasswd"), context.processes(),
                context.root(), context.clock(), random);
    }

    /**
     * @param context the request context
     * @return the configured account name, {@code root} by default
     * @throws PasswordException when the setting is not a plain user name
     */
    static String userFrom(CommandContext context) throws PasswordException {
        String user = context.setting(USER_SETTING).map(String::strip).orElse(DEFAULT_USER);
        if (!USER_NAME.matcher(user).matches()) {
            throw new PasswordException("Invalid " + USER_SETTING + " setting: not a plain user name");
        }
        return user;
    }

    /** @return the method this setter uses */
    Method method() {
        return method;
    }

    /**
     * @param user     a validated user name
     * @param password the new password
     * @throws PasswordException    with a host-safe message
     * @throws InterruptedException when cancelled
     */
    void set(String user, PlainPassword password) throws PasswordException, InterruptedException {
        if (method == Method.SHADOW_FILE) {
            shadowFile.setPassword(user, password.utf8());
            LOG.info("password for {} written to {}/etc/shadow", user, root);
            return;
        }
        runChpasswd(user, password.utf8());
        LOG.info("password for {} changed with chpasswd", user);
    }

    private void runChpasswd(String user, byte[] password) throws PasswordException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chpasswd, "-c", "SHA512"));
        if (!root.equals(root.getRoot())) {
            command.add("-R");
            command.add(root.toAbsolutePath().toString());
        }
        byte[] stdin = stdinLine(user, password);
        ProcessResult result;
        try {
            result = runner.run(command, stdin, CHPASSWD_TIMEOUT);
        } catch (IOException e) {
            throw new PasswordException("Failed to change password for " + user + ": cannot run chpasswd", e);
        } finally {
            Arrays.fill(stdin, (byte) 0);
        }
        if (!result.executed()) {
            throw new PasswordException("Failed to change password for " + user + ": chpasswd was not run");
        }
        if (!result.succeeded()) {
            throw new PasswordException("Failed to change password for " + user + ": "
                    + result.exitCode() + ": " + safeStderr(result.stderr(), password));
        }
    }

    private static byte[] stdinLine(String user, byte[] password) {
        byte[] name = user.getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[name.length + 1 + password.length + 1];
        System.arraycopy(name, 0, line, 0, name.length);
        line[name.length] = ':';
        System.arraycopy(password, 0, line, name.length + 1, password.length);
        line[line.length - 1] = '\n';
        return line;
    }

    /** Trims stderr to its last {@value #MAX_STDERR} characters, and drops it entirely if it echoes the password. */
    static String safeStderr(String stderr, byte[] password) {
        byte[] err = stderr.getBytes(StandardCharsets.UTF_8);
        if (password.length > 0 && indexOf(err, password) >= 0) {
            return "<stderr withheld: it contained the password>";
        }
        // the end: a tool's error is its last line, also after a flood of other output (issue #17)
        String text = stderr.strip().replaceAll("\\s+", " ");
        return text.length() > MAX_STDERR ? "..." + text.substring(text.length() - MAX_STDERR) : text;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
