/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExecTests {

    private static String sh;

    @BeforeAll
    static void shell() {
        sh = RequiredTool.require("sh", "runs the scripts these tests execute").toString();
    }

    @Test
    void returnsTheExitCodeAndMergedOutput() throws Exception {
        Exec.Result r = Exec.run(sh, "-c", "echo out; echo err >&2; exit 3");
        assertEquals(3, r.code());
        assertFalse(r.succeeded());
        assertEquals("out\nerr\n", r.output());
        assertTrue(Exec.run(List.of(sh, "-c", "true")).succeeded());
    }

    @Test
    void standardInputIsClosed() throws Exception {
        Exec.Result r = Exec.run(sh, "-c", "cat; echo done");
        assertEquals(new Exec.Result(0, "done\n"), r);
    }

    @Test
    void aToolThatHangsIsKilledAtTheTimeout() {
        long start = System.nanoTime();
        IOException e = assertThrows(IOException.class,
                () -> Exec.run(Duration.ofMillis(300), List.of(sh, "-c", "sleep 30")));
        assertTrue(e.getMessage().startsWith("timed out"), e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "did not wait for sleep 30");
    }

    @Test
    void aMissingProgramIsAnIoException() {
        assertThrows(IOException.class, () -> Exec.run("/nonexistent/nova-testkit-tool"));
    }
}
