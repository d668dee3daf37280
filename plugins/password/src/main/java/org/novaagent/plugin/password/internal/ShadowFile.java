/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.novaagent.api.support.Sha512Crypt;

/**
 * Sets one user's password by editing {@code <root>/etc/shadow} directly: used when the target
 * is not the live system or has no {@code chpasswd}. Only fields 2 (hash) and 3 (last change)
 * of that user's line change; every other byte stays; the new file replaces the old atomically
 * under the shadow lock and with the original mode and owner.
 */
final class ShadowFile {

    private static final long SECONDS_PER_DAY = 86_400L;

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
        Path etc = root.resolve("etc");
        Path shadow = etc.resolve("shadow");
        if (!Files.isRegularFile(shadow, LinkOption.NOFOLLOW_LINKS)) {
            throw new PasswordException("Cannot set password: /etc/shadow not found");
        }
        try (ShadowLock lock = ShadowLock.acquire(etc.resolve(".pwd.lock"), lockTimeout)) {
            byte[] original = readShadow(shadow);
            String hash = Sha512Crypt.crypt(password, Sha512Crypt.PREFIX + Sha512Crypt.newSalt(random));
            long day = clock.instant().getEpochSecond() / SECONDS_PER_DAY;
            byte[] updated = replaceFields(original, user, hash, Long.toString(day));
            writeAtomically(shadow, updated);
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

    private static byte[] readShadow(Path shadow) throws PasswordException {
        try {
            return Files.readAllBytes(shadow);
        } catch (IOException e) {
            throw new PasswordException("Cannot read /etc/shadow", e);
        }
    }

    private static void writeAtomically(Path shadow, byte[] content) throws PasswordException {
        Path dir = shadow.getParent();
        Path tmp = null;
        boolean moved = false;
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(shadow,
                    PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            PosixFileAttributes attrs = view.readAttributes();
            tmp = Files.createTempFile(dir, ".shadow.", ".nova-tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            PosixFileAttributeView tmpView = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
            tmpView.setOwner(attrs.owner());
            tmpView.setGroup(attrs.group());
            tmpView.setPermissions(attrs.permissions());
            Files.move(tmp, shadow, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            syncDirectory(dir);
        } catch (IOException | UnsupportedOperationException e) {
            throw new PasswordException("Cannot write /etc/shadow", e);
        } finally {
            if (!moved && tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // the rename is done; a directory fsync is best effort on some file systems
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            // nothing else to try; the name is hidden and recognisable (.shadow.*.nova-tmp)
        }
    }
}
