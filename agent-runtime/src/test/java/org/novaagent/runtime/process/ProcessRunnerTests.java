/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.ProcessResult;

/** The real runner (stdin, output, exit code, timeout) and the dry-run runner (never executes). */
class ProcessRunnerTests {

    @TempDir
    Path dir;

    @Test
    void dryRunNeverExecutes() throws Exception {
        Path marker = dir.resolve("touched");
        ProcessResult r = new DryRunProcessRunner(dir).run(List.of("touch", marker.toString()),
                "secret".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
        assertFalse(r.executed());
        assertTrue(r.succeeded());
        assertFalse(Files.exists(marker), "dry run must not run touch");
    }

    @Test
    void realRunnerActuallyExecutes() throws Exception {
        Path marker = dir.resolve("touched");
        ProcessResult r = new SystemProcessRunner().run(List.of("touch", marker.toString()), new byte[0],
                Duration.ofSeconds(10));
        assertTrue(r.executed());
        assertTrue(Files.exists(marker));
    }

    @Test
    void stdinIsWrittenAndOutputsCaptured() throws Exception {
        ProcessResult r = new SystemProcessRunner().run(List.of("sh", "-c", "cat; echo oops >&2; exit 3"),
                "line one\nline two\n".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10));
        assertEquals(3, r.exitCode());
        assertEquals("line one\nline two\n", r.stdout());
        assertEquals("oops\n", r.stderr());
    }

    @Test
    void timeoutKillsTheProcessTree() throws Exception {
        Path late = dir.resolve("late");
        long start = System.nanoTime();
        ProcessResult r = new SystemProcessRunner().run(List.of("sh", "-c", "sleep 3 && touch " + late + " & wait"),
                new byte[0], Duration.ofMillis(300));
        assertEquals(SystemProcessRunner.TIMED_OUT, r.exitCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2500);
        Thread.sleep(3500);
        assertFalse(Files.exists(late), "the child of the killed shell must be dead too");
    }
}
