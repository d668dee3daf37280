/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.winservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service log rotates by size, keeps N files, never splits a line, and appends across restarts. */
class RotatingLogStreamTests {

    @TempDir
    Path dir;

    @Test
    void rotatesAtTheLimitAndKeepsTheNewestFiles() throws Exception {
        try (PrintStream out = new PrintStream(new RotatingLogStream(dir.resolve("logs"), 100, 2), true, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 10; i++) {
                out.print(String.format("line %02d %s%n", i, "x".repeat(30))); // 40 bytes per line
            }
        }
        Path logs = dir.resolve("logs");
        assertEquals(String.format("line 08 %s%nline 09 %s%n", "x".repeat(30), "x".repeat(30)),
                Files.readString(logs.resolve("nova-agent.log")));
        assertTrue(Files.readString(logs.resolve("nova-agent.log.1")).startsWith("line 06 "));
        assertTrue(Files.readString(logs.resolve("nova-agent.log.2")).startsWith("line 04 "));
        assertFalse(Files.exists(logs.resolve("nova-agent.log.3")));
        for (Path p : Files.list(logs).toList()) {
            assertTrue(Files.size(p) <= 100, p + " is over the limit");
            assertTrue(Files.readString(p).endsWith("\n"), p + " ends mid-line");
        }
    }

    @Test
    void aRestartAppendsToTheCurrentFile() throws Exception {
        try (RotatingLogStream s = new RotatingLogStream(dir, 1000, 3)) {
            s.write("one\n".getBytes(StandardCharsets.UTF_8));
        }
        try (RotatingLogStream s = new RotatingLogStream(dir, 1000, 3)) {
            s.write("two\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("one\ntwo\n", Files.readString(dir.resolve("nova-agent.log")));
    }
}
