/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bounded, rotated, private request history behind {@code agent status}. */
class RequestHistoryTests {

    @TempDir
    Path root;

    private static HistoryEntry entry(int i, String command, String message) {
        return new HistoryEntry(Instant.ofEpochSecond(1_700_000_000L + i), "r" + i, command, "0", i, message);
    }

    @Test
    void survivesARestartAndKeepsCountingTowardsRotation() throws Exception {
        RequestHistory first = new RequestHistory(root, 5);
        for (int i = 0; i < 3; i++) {
            first.record(entry(i, "version", "3.0.0"));
        }
        RequestHistory second = new RequestHistory(root, 5); // a new process after a restart
        assertEquals(List.of("r0", "r1", "r2"), second.last(10).stream().map(HistoryEntry::id).toList());
        for (int i = 3; i < 7; i++) {
            second.record(entry(i, "version", "3.0.0"));
        }
        assertEquals(5, Files.readAllLines(second.previousFile()).size(), "rotated when full, not before");
        assertEquals(2, Files.readAllLines(second.file()).size());
        assertEquals(List.of("r2", "r3", "r4", "r5", "r6"), second.last(5).stream().map(HistoryEntry::id).toList());
    }

    @Test
    void staysBoundedAfterTenThousandRequests() throws Exception {
        RequestHistory h = RequestHistory.at(root);
        for (int i = 0; i < 10_000; i++) {
            h.record(entry(i, "resetnetwork", "line one of " + i + "\nsecond line"));
        }
        long lines = Files.readAllLines(h.file()).size() + Files.readAllLines(h.previousFile()).size();
        assertTrue(lines <= 2L * RequestHistory.DEFAULT_LIMIT, lines + " lines");
        long bytes = Files.size(h.file()) + Files.size(h.previousFile());
        assertTrue(bytes < 2L * RequestHistory.DEFAULT_LIMIT * 400, bytes + " bytes");
        List<HistoryEntry> last = h.last(RequestHistory.DEFAULT_LIMIT);
        assertEquals(RequestHistory.DEFAULT_LIMIT, last.size());
        assertEquals("r9999", last.get(last.size() - 1).id());
        assertEquals("r" + (10_000 - RequestHistory.DEFAULT_LIMIT), last.get(0).id());
        assertEquals("line one of 9999", last.get(last.size() - 1).message(), "first line only");
        try (var files = Files.list(h.file().getParent())) {
            assertEquals(List.of("history", "history.1"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void privateDirectoryAndFiles() throws Exception {
        RequestHistory h = RequestHistory.at(root);
        h.record(entry(1, "version", "3.0.0"));
        assertEquals("rwx------", mode(h.file().getParent()));
        assertEquals("rw-------", mode(h.file()));
    }

    @Test
    void keyMaterialMessagesAreNeverKept() throws Exception {
        RequestHistory h = RequestHistory.at(root);
        h.record(new HistoryEntry(Instant.now(), "k", "keyinit", "D0", 3, "1234567890123456789"));
        h.record(new HistoryEntry(Instant.now(), "p", "password", "500", 3, "Invalid password data received"));
        String raw = Files.readString(h.file());
        assertFalse(raw.contains("1234567890123456789"), raw);
        assertFalse(raw.contains("Invalid password"), raw);
        assertEquals(List.of("keyinit", "password"), h.last(5).stream().map(HistoryEntry::command).toList());
    }

    @Test
    void aSymlinkedFileOrDirectoryIsNotWrittenThrough() throws Exception {
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        Files.createDirectories(root.resolve("var/lib"));
        Files.createSymbolicLink(root.resolve(RequestHistory.STATE_DIR), elsewhere);
        RequestHistory h = RequestHistory.at(root);
        h.record(entry(1, "version", "3.0.0"));
        try (var files = Files.list(elsewhere)) {
            assertEquals(0, files.count(), "written through a symlinked directory");
        }

        Path root2 = Files.createDirectories(root.resolve("r2"));
        Path target = Files.writeString(root.resolve("victim"), "keep\n");
        Files.createDirectories(root2.resolve(RequestHistory.STATE_DIR));
        Files.createSymbolicLink(root2.resolve(RequestHistory.STATE_DIR).resolve("history"), target);
        RequestHistory.at(root2).record(entry(1, "version", "3.0.0"));
        assertEquals("keep\n", Files.readString(target), "written through a symlinked file");
    }

    @Test
    void aTornLastLineIsSkipped() throws Exception {
        RequestHistory h = RequestHistory.at(root);
        h.record(entry(1, "version", "3.0.0"));
        Files.writeString(h.file(), "{\"time\":\"2026-", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of("r1"), h.last(5).stream().map(HistoryEntry::id).toList());
        RequestHistory.at(root).record(entry(2, "version", "3.0.0")); // after a restart
        assertEquals(List.of("r1", "r2"), RequestHistory.at(root).last(5).stream().map(HistoryEntry::id).toList());
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }
}
