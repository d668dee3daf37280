/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.novaagent.api.support.IoCause;

/**
 * The shadow-suite lock {@code /etc/.pwd.lock}: the same fcntl write lock that glibc's
 * {@code lckpwdf(3)} takes (Java's {@link FileChannel#lock} is fcntl-based on Linux), so
 * {@code passwd}, {@code chpasswd} and {@code useradd} wait for us and we wait for them.
 */
final class ShadowLock implements AutoCloseable {

    private static final long POLL_MILLIS = 50;

    private final FileChannel channel;
    private final FileLock lock;

    private ShadowLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, polling until the timeout.
     *
     * @param lockFile the lock file (created with mode 0600 when missing)
     * @param timeout  how long to wait for another holder
     * @return the held lock
     * @throws PasswordException    when the lock cannot be opened or is still held at the timeout
     * @throws InterruptedException when interrupted while waiting
     */
    static ShadowLock acquire(Path lockFile, Duration timeout)
            throws PasswordException, InterruptedException {
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException | UnsupportedOperationException e) {
            throw new PasswordException("Cannot open the shadow lock: " + IoCause.of(e), e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return new ShadowLock(channel, lock);
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new PasswordException("Timed out waiting for the shadow lock /etc/.pwd.lock");
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (PasswordException | InterruptedException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws PasswordException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by another thread of this JVM
        } catch (IOException e) {
            throw new PasswordException("Cannot take the shadow lock: " + IoCause.of(e), e);
        }
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it anyway
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing useful to do: the lock dies with the descriptor
        }
    }
}
