/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Swap races against the writer, in-process (inotify through {@link WatchService}): every new entry
 * of the target directory, and the directory itself, is swapped for a link to a victim while writes
 * run. A bounded number of attempts; zero may reach the victim. The unprivileged-user version,
 * with a C inotify racer as uid 65534, is {@code InjectFileAttackTests} in file-inject.
 */
class SafeFilesRaceTests {

    private static final int ATTEMPTS = 60;

    @TempDir
    Path scratch;

    @Test
    void swappingEveryNewEntryForALinkNeverRedirectsAWrite() throws Exception {
        Path root = Files.createDirectories(scratch.resolve("root"));
        Path ssh = Files.createDirectories(root.resolve("home/bob/.ssh"));
        Path victim = victim();
        AtomicInteger swaps = new AtomicInteger();
        Thread racer = racer(ssh, victim, swaps);
        SafeFiles files = SafeFiles.under(root);
        int written = 0;
        try {
            for (int i = 0; i < ATTEMPTS; i++) {
                written += attempt(files, "home/bob/.ssh/authorized_keys", "key " + i + "\n");
            }
        } finally {
            racer.interrupt();
            racer.join();
        }
        assertTrue(swaps.get() > 0, "the racer never swapped anything: the test would prove nothing");
        assertVictimUntouched(victim);
        assertTrue(written > 0, "not one write got through");
        assertFalse(Files.isSymbolicLink(ssh.resolve("authorized_keys")));
        assertTrue(Files.readString(ssh.resolve("authorized_keys")).startsWith("key "));
    }

    @Test
    void swappingTheDirectoryItselfForALinkNeverRedirectsAWrite() throws Exception {
        Path root = Files.createDirectories(scratch.resolve("root"));
        Path bob = Files.createDirectories(root.resolve("home/bob"));
        // writable by others: the agent must not trust a path through it (it stages in home/ instead)
        Files.setPosixFilePermissions(bob, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path elsewhere = Files.createDirectories(scratch.resolve("elsewhere"));
        AtomicInteger swaps = new AtomicInteger();
        Thread racer = new Thread(() -> {
            for (int n = 0; !Thread.currentThread().isInterrupted(); n++) {
                try {
                    Files.createDirectories(bob.resolve(".ssh"));
                    Files.move(bob.resolve(".ssh"), bob.resolve("moved-" + n));
                    Files.createSymbolicLink(bob.resolve(".ssh"), elsewhere);
                    swaps.incrementAndGet();
                    Files.delete(bob.resolve(".ssh"));
                } catch (IOException e) {
                    // lost this round
                }
            }
        });
        racer.start();
        SafeFiles files = SafeFiles.under(root);
        try {
            for (int i = 0; i < ATTEMPTS; i++) {
                attempt(files, "home/bob/.ssh/authorized_keys", "key\n");
            }
        } finally {
            racer.interrupt();
            racer.join();
        }
        assertTrue(swaps.get() > 0);
        try (Stream<Path> s = Files.list(elsewhere)) {
            assertEquals(List.of(), s.toList(), "a write landed behind the link");
        }
    }

    private Path victim() throws IOException {
        Path victim = Files.writeString(Files.createDirectories(scratch.resolve("etc")).resolve("shadow"), "secret\n");
        Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-r-----"));
        return victim;
    }

    private static void assertVictimUntouched(Path victim) throws IOException {
        assertEquals("secret\n", Files.readString(victim));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(victim)));
    }

    /**
     * @return 1 when the write went through, 0 when it failed: refused, or a directory vanished under
     *         it (a failed write is a fine outcome in a race; only where a write lands matters)
     */
    private static int attempt(SafeFiles files, String relative, String content) throws IOException {
        try {
            files.write(relative, content.getBytes(StandardCharsets.UTF_8),
                    WriteOptions.mode(0600).keepingExisting().withParents(0700));
            return 1;
        } catch (IOException refusedOrVanished) {
            return 0;
        }
    }

    /** Swaps each new entry other than the target for a link to the victim, as fast as inotify tells it. */
    private static Thread racer(Path dir, Path victim, AtomicInteger swaps) throws IOException {
        WatchService ws = FileSystems.getDefault().newWatchService();
        dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE);
        Thread t = new Thread(() -> {
            int n = 0;
            try (ws) {
                while (!Thread.currentThread().isInterrupted()) {
                    WatchKey key = ws.poll(10, TimeUnit.MILLISECONDS);
                    if (key == null) {
                        continue;
                    }
                    for (WatchEvent<?> ev : key.pollEvents()) {
                        String name = String.valueOf(ev.context());
                        if (name.equals("authorized_keys") || name.startsWith("moved-") || name.equals("null")) {
                            continue;
                        }
                        try {
                            Files.move(dir.resolve(name), dir.resolve("moved-" + n++));
                            Files.createSymbolicLink(dir.resolve(name), victim);
                            swaps.incrementAndGet();
                        } catch (IOException e) {
                            // the writer was faster this time
                        }
                    }
                    key.reset();
                }
            } catch (InterruptedException | IOException e) {
                // done
            }
        });
        t.start();
        return t;
    }
}
