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

    /**
     * A dry run on the live system hands the live runner only what the caller marks read-only; every
     * plain run, whatever it is, is logged and not executed, and on a root that is not live even a
     * read-only query is not executed.
     */
    @Test
    void theDryRunRunnerRefusesEveryCommandThatIsNotMarkedReadOnly() throws Exception {
        List<List<String>> reached = new java.util.ArrayList<>();
        org.novaagent.api.ProcessRunner live = (command, stdin, timeout) -> {
            reached.add(command);
            return new ProcessResult(0, "adapters", "", true);
        };
        DryRunProcessRunner dry = new DryRunProcessRunner(Path.of("/"), live);
        Path marker = dir.resolve("touched");
        for (List<String> command : List.of(List.of("touch", marker.toString()), List.of("netplan", "apply"),
                List.of("powershell.exe", "-Command", "-"))) {
            ProcessResult r = dry.run(command, "Remove-Item x".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
            assertFalse(r.executed(), command.toString());
            assertTrue(dry.run(command.toArray(String[]::new)).succeeded());
        }
        assertTrue(reached.isEmpty(), "no plain run reaches the live runner: " + reached);
        assertFalse(Files.exists(marker));

        ProcessResult q = dry.runReadOnly(List.of("powershell.exe", "-Command", "-"), new byte[0], Duration.ofSeconds(5));
        assertTrue(q.executed());
        assertEquals("adapters", q.stdout());
        assertEquals(List.of(List.of("powershell.exe", "-Command", "-")), reached);

        ProcessResult notLive = new DryRunProcessRunner(dir).runReadOnly(List.of("touch", marker.toString()), new byte[0],
                Duration.ofSeconds(5));
        assertFalse(notLive.executed(), "a root that is not live runs nothing, read-only or not");
        assertFalse(Files.exists(marker));
    }

    @Test
    void theSystemRunnerRunsReadOnlyQueriesAsUsual() throws Exception {
        ProcessResult r = new SystemProcessRunner().runReadOnly(List.of("sh", "-c", "echo read"), new byte[0],
                Duration.ofSeconds(10));
        assertTrue(r.executed() && r.succeeded());
        assertEquals("read\n", r.stdout());
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

    @Test
    void aChildPrintingALotIsCappedAndStillAnswers() throws Exception {
        ProcessResult r = new SystemProcessRunner().run(List.of("sh", "-c",
                "head -c 50000000 /dev/zero | tr '\\0' x; echo done >&2"), new byte[0], Duration.ofSeconds(30));
        assertEquals(0, r.exitCode());
        assertTrue(r.stdout().startsWith("xxxx"));
        assertTrue(r.stdout().length() < SystemProcessRunner.OUTPUT_LIMIT + 100, "kept " + r.stdout().length());
        assertTrue(r.stdout().contains("x\n[" + (50_000_000 - SystemProcessRunner.OUTPUT_LIMIT) + " more bytes of output dropped]\nx"),
                r.stdout().substring(SystemProcessRunner.OUTPUT_LIMIT / 2 - 10, SystemProcessRunner.OUTPUT_LIMIT / 2 + 60));
        assertEquals("done\n", r.stderr());
    }

    @Test
    void theLastLinesOfAFloodAreKept() throws Exception {
        // the error a tool prints last, after megabytes of progress, is what the reply quotes (issue #17)
        ProcessResult r = new SystemProcessRunner().run(List.of("sh", "-c",
                "head -c 5000000 /dev/zero | tr '\\0' e >&2; echo 'ifup: no such device' >&2; exit 4"), new byte[0],
                Duration.ofSeconds(30));
        assertEquals(4, r.exitCode());
        assertTrue(r.stderr().startsWith("eeee"));
        assertTrue(r.stderr().endsWith("eeeeifup: no such device\n"), r.stderr().substring(r.stderr().length() - 60));
        assertTrue(r.stderr().length() < SystemProcessRunner.OUTPUT_LIMIT + 100, "kept " + r.stderr().length());
    }

    @Test
    void aTreeForkingWhileItIsKilledLeavesNoProcessAndNoZombie() throws Exception {
        String marker = Long.toString(900_000 + ProcessHandle.current().pid() % 99_999);
        ProcessResult r = new SystemProcessRunner().run(List.of("sh", "-c",
                "sh -c 'while :; do sleep " + marker + " & sleep 0.01; done' & "
                        + "for i in $(seq 50); do sleep " + marker + " & done; "
                        + "trap '' TERM; while :; do sleep " + marker + " & sleep 0.02; done"),
                new byte[0], Duration.ofMillis(500));
        assertEquals(SystemProcessRunner.TIMED_OUT, r.exitCode());
        Thread.sleep(300);
        List<ProcessHandle> left = ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(marker)).orElse(false))
                .filter(ProcessHandle::isAlive).filter(p -> !isZombie(p)).toList();
        assertEquals(List.of(), left.stream().map(ProcessHandle::pid).toList(), "descendants left running");
        List<Long> zombies = ProcessHandle.current().descendants().filter(ProcessRunnerTests::isZombie)
                .map(ProcessHandle::pid).toList();
        assertEquals(List.of(), zombies, "zombies under the agent");
    }

    @Test
    void aBackgroundProcessHoldingTheOutputDoesNotHangTheCaller() throws Exception {
        long start = System.nanoTime();
        ProcessResult r = new SystemProcessRunner().run(List.of("sh", "-c", "(sleep 6 &); echo started"),
                new byte[0], Duration.ofSeconds(30));
        long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(0, r.exitCode());
        assertEquals("started\n", r.stdout());
        assertTrue(ms < 5000, "waited " + ms + " ms for a daemon's pipe");
    }

    private static boolean isZombie(ProcessHandle p) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
