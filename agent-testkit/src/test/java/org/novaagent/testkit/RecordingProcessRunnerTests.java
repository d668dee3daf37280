/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.novaagent.api.ProcessResult;

class RecordingProcessRunnerTests {

    private static final Duration T = Duration.ofSeconds(5);
    private static final ProcessResult FAILED = new ProcessResult(78, "", "Error in network definition", true);

    private static ProcessResult run(RecordingProcessRunner r, String... command) throws Exception {
        return r.run(List.of(command), new byte[0], T);
    }

    @Test
    void unscriptedCommandsSucceedAndAreRecordedInOrder() throws Exception {
        RecordingProcessRunner r = new RecordingProcessRunner();
        assertEquals(new ProcessResult(0, "", "", true), run(r, "netplan", "apply"));
        assertEquals(new ProcessResult(0, "", "", true), r.run("hostnamectl", "set-hostname", "web01"));
        assertEquals(List.of(List.of("netplan", "apply"), List.of("hostnamectl", "set-hostname", "web01")),
                r.commands());
        assertEquals(Duration.ofSeconds(60), r.calls().get(1).timeout(), "the API's default timeout");
        r.clear();
        assertEquals(List.of(), r.calls());
    }

    @Test
    void stdinIsKeptAsLengthAndDigestNeverAsContent() throws Exception {
        RecordingProcessRunner r = new RecordingProcessRunner();
        String secret = "1-7f3c9a0e5b2d4c6aSECRET\n";
        r.run(List.of("sh", "-c", "read -r key"), secret.getBytes(StandardCharsets.UTF_8), T);
        RecordingProcessRunner.Call call = r.calls().get(0);
        assertEquals(secret.length(), call.stdinLength());
        assertEquals(RecordingProcessRunner.sha256(secret), call.stdinSha256());
        assertFalse(call.toString().contains("SECRET"), call.toString());
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                RecordingProcessRunner.sha256("abc"), "FIPS 180-2 test vector");
    }

    @Test
    void prefixRulesAnswerTheirCommandsTheGivenNumberOfTimes() throws Exception {
        RecordingProcessRunner r = new RecordingProcessRunner()
                .answer(List.of("netplan", "apply"), FAILED, 1)
                .answer(List.of("nmcli"), new ProcessResult(0, "ok", "", true));
        assertEquals(new ProcessResult(0, "", "", true), run(r, "netplan", "generate"), "prefix must match");
        assertEquals(FAILED, run(r, "netplan", "apply", "--debug"));
        assertEquals(0, run(r, "netplan", "apply").exitCode(), "the rule was used up");
        assertEquals("ok", run(r, "nmcli", "connection", "reload").stdout());
        assertEquals("ok", run(r, "nmcli", "connection", "reload").stdout(), "no limit");
        assertEquals(0, run(r, "nm").exitCode(), "shorter than the prefix");
    }

    @Test
    void answersInOrderThenTheFallback() throws Exception {
        ProcessResult first = new ProcessResult(0, "first", "", true);
        ProcessResult second = new ProcessResult(5, "second", "", true);
        RecordingProcessRunner r = new RecordingProcessRunner().answerInOrder(first, second)
                .otherwise(ProcessResult.notExecuted());
        assertEquals(first, run(r, "a"));
        assertEquals(second, run(r, "b"));
        assertEquals(ProcessResult.notExecuted(), run(r, "c"));
    }

    @Test
    void refusingRunnerFailsTheTestWithTheCommand() throws Exception {
        RecordingProcessRunner r = new RecordingProcessRunner().refuseUnscripted("no process may run here")
                .answer(List.of("allowed"), ProcessResult.notExecuted());
        assertEquals(ProcessResult.notExecuted(), run(r, "allowed"));
        AssertionError e = assertThrows(AssertionError.class, () -> run(r, "chpasswd", "-R", "/x"));
        assertEquals("no process may run here: [chpasswd, -R, /x]", e.getMessage());
        assertEquals(2, r.calls().size(), "refused calls are recorded too");
    }

    @Test
    void failingRunnerThrowsIoExceptions() throws Exception {
        IOException cannotStart = new IOException("CreateProcess error=2");
        RecordingProcessRunner r = new RecordingProcessRunner().fail(List.of("cscript.exe"), cannotStart)
                .failUnscripted("must not run processes");
        assertSame(cannotStart, assertThrows(IOException.class, () -> run(r, "cscript.exe", "//NoLogo")));
        assertSame(cannotStart, assertThrows(IOException.class, () -> run(r, "cscript.exe")));
        assertEquals("must not run processes: [ls]", assertThrows(IOException.class, () -> run(r, "ls")).getMessage());
    }

    @Test
    void listenersSeeEachCommandBeforeItIsAnswered() throws Exception {
        List<List<String>> seen = new ArrayList<>();
        RecordingProcessRunner r = new RecordingProcessRunner().refuseUnscripted("no").onRun(seen::add);
        assertThrows(AssertionError.class, () -> run(r, "ip", "link"));
        assertEquals(List.of(List.of("ip", "link")), seen);
    }

    @Test
    void recordedCommandsAreCopies() throws Exception {
        RecordingProcessRunner r = new RecordingProcessRunner();
        List<String> command = new ArrayList<>(List.of("ifup", "eth0"));
        r.run(command, new byte[0], T);
        command.set(1, "eth1");
        assertEquals(List.of(List.of("ifup", "eth0")), r.commands());
        assertThrows(UnsupportedOperationException.class, () -> r.commands().get(0).add("x"));
    }
}
