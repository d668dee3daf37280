/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.novaagent.api.support.FileFacts;
import org.novaagent.api.support.IoCause;
import org.novaagent.api.support.SafeFiles;
import org.novaagent.api.support.Sha512Crypt;
import org.novaagent.api.support.WriteOptions;

/**
 * Sets one user's password by editing {@code <root>/etc/shadow} directly: used when the target
 * is not the live system or has no {@code chpasswd}. Only fields 2 (hash) and 3 (last change)
 * of that user's line change; every other byte stays; the new file replaces the old atomically
 * under the shadow lock and with the original mode and owner, through {@link SafeFiles} (no link
 * followed, the temp file in a private directory).
 */
final class ShadowFile {

    private static final long SECONDS_PER_DAY = 86_400L;
    private static final String SHADOW = "etc/shadow";
    /** Largest shadow file read: far above 100,000 accounts. */
    private static final long MAX_SHADOW_BYTES = 64L << 20;

    private final Path root;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration lockTimeout;

    /**
     * @param root        the target root
     * @param clock       gives the last-change day
     * @param random      source of salts
     * @param lockTimeout how long to wait for {@code /etc/.pwd.lock}
     */
    ShadowFile(Path root, Clock clock, SecureRandom random, Duration lockTimeout) {
        this.root = root;
        this.clock = clock;
        this.random = random;
        this.lockTimeout = lockTimeout;
    }

    /**
     * @param user     a validated user name
     * @param password the new password (UTF-8); not modified
     * @throws PasswordException    with a host-safe message; the file is then unchanged
     * @throws InterruptedException when interrupted while waiting for the lock
     */
    void setPassword(String user, byte[] password) throws PasswordException, InterruptedException {
        SafeFiles files = SafeFiles.under(root);
        if (!isRegularFile(files)) {
            throw new PasswordException("Cannot set password: /etc/shadow not found");
        }
        try (ShadowLock lock = ShadowLock.acquire(root.resolve("etc").resolve(".pwd.lock"), lockTimeout)) {
            byte[] original = readShadow(files);
            String hash = Sha512Crypt.crypt(password, Sha512Crypt.PREFIX + Sha512Crypt.newSalt(random));
            long day = clock.instant().getEpochSecond() / SECONDS_PER_DAY;
            byte[] updated = replaceFields(original, user, hash, Long.toString(day));
            writeAtomically(files, updated);
        }
    }

    private static boolean isRegularFile(SafeFiles files) throws PasswordException {
        try {
            return files.stat(SHADOW).map(f -> f.type() == FileFacts.Type.REGULAR).orElse(false);
        } catch (IOException e) {
            throw new PasswordException("Cannot read the shadow file: " + IoCause.of(e), e);
        }
    }

    /**
     * Replaces fields 2 and 3 of the user's line, keeping every other byte.
     *
     * @return the new content
     * @throws PasswordException when the user has no (well-formed) line
     */
    static byte[] replaceFields(byte[] original, String user, String hash, String lastChange)
            throws PasswordException {
        // ISO-8859-1 maps every byte to one char and back, so untouched bytes survive exactly.
        String text = new String(original, StandardCharsets.ISO_8859_1);
        String prefix = user + ":";
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (text.startsWith(prefix, start)) {
                String[] fields = text.substring(start, end).split(":", -1);
                if (fields.length < 3) {
                    throw new PasswordException("Malformed /etc/shadow line for user " + user);
                }
                fields[1] = hash;
                fields[2] = lastChange;
                String line = String.join(":", fields);
                return (text.substring(0, start) + line + text.substring(end))
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
            start = end + 1;
        }
        throw new PasswordException("User " + user + " not found in /etc/shadow");
    }

    private static byte[] readShadow(SafeFiles files) throws PasswordException {
        try {
            return files.read(SHADOW, MAX_SHADOW_BYTES).orElseThrow(() -> new NoSuchFileException("/etc/shadow"));
        } catch (IOException e) {
            throw new PasswordException("Cannot read the shadow file: " + IoCause.of(e), e);
        }
    }

    /** Replaces the file keeping its owner, group and mode; no link is followed on the way. */
    private static void writeAtomically(SafeFiles files, byte[] content) throws PasswordException {
        try {
            files.write(SHADOW, content, WriteOptions.mode(0600).keepingExisting());
        } catch (IOException | UnsupportedOperationException e) {
            throw new PasswordException("Cannot write the shadow file: " + IoCause.of(e), e);
        }
    }
}
