/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.windows.activation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.novaagent.api.CommandException;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.ProcessResult;
import org.novaagent.testkit.RecordingProcessRunner;
import org.novaagent.testkit.TestCommandContext;
import org.novaagent.testkit.TestHostFacts;
import org.novaagent.testkit.TestRequests;

class WindowsKmsActivateCommandHandlerTests {

    private static final List<String> SLMGR = List.of("C:\\Windows\\System32\\cscript.exe", "//NoLogo",
            "C:\\Windows\\System32\\slmgr.vbs");

    @TempDir
    Path root;

    private final WindowsKmsActivateCommandHandler handler = new WindowsKmsActivateCommandHandler();

    private CommandResult send(String value, RecordingProcessRunner runner) throws Exception {
        return handler.handle(CommandRequest.of("1", "kmsactivate", value),
                TestCommandContext.builder(root).hostFacts(TestHostFacts::windows).runner(runner).build());
    }

    /**
     * A runner answering successive slmgr calls with these results (any further call fails the
     * test); reg.exe (cloud automation, {@link CloudAutomationTests}) finds no value.
     */
    private static RecordingProcessRunner scripted(ProcessResult... results) {
        return new RecordingProcessRunner().answer(List.of(CloudAutomation.REG), exit(1, "",
                "ERROR: The system was unable to find the specified registry key or value."))
                .answerInOrder(results).refuseUnscripted("no scripted result left for");
    }

    /** The calls other than the cloud automation's reg.exe ones. */
    private static List<RecordingProcessRunner.Call> slmgrCalls(RecordingProcessRunner runner) {
        return runner.calls().stream().filter(c -> !c.command().get(0).equals(CloudAutomation.REG)).toList();
    }

    private static ProcessResult exit(int code, String stdout, String stderr) {
        return new ProcessResult(code, stdout, stderr, true);
    }

    private static List<String> slmgr(String... args) {
        List<String> l = new ArrayList<>(SLMGR);
        l.addAll(List.of(args));
        return l;
    }

    @ParameterizedTest
    @ValueSource(strings = {"kms.example.com:1688", "KMS-01.dc.example.com.:1688", "10.0.0.5:1688", "kms:1",
        "[2001:db8::1]:65535", "[::ffff:10.0.0.1]:1688", " kms.example.com:1688\n"})
    void setsTheKmsHostThenActivates(String value) throws Exception {
        RecordingProcessRunner runner = scripted(exit(0, "ok", ""), exit(0, "activated", ""));
        assertEquals(CommandResult.ok(), send(value, runner));
        assertEquals(2, slmgrCalls(runner).size());
        assertEquals(slmgr("/skms", value.strip()), slmgrCalls(runner).get(0).command());
        assertEquals(slmgr("/ato"), slmgrCalls(runner).get(1).command());
        assertEquals(0, slmgrCalls(runner).get(0).stdinLength());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "kms.example.com", "kms.example.com:", "kms.example.com:0", "kms.example.com:65536",
        "kms.example.com:01688", "kms.example.com:1688 & calc", "kms.example.com:1688;x", "kms&calc:1688",
        "kms|x:1688", "\"kms\":1688", "kms example:1688", "-kms:1688", "kms-:1688", "a..b:1688", "k\u00e9ms:1688",
        "2001:db8::1:1688", "[2001:db8::1]", "[kms.example.com]:1688", "[2001:db8::g]:1688", "[fe80::1%eth0]:1688",
        "[]:1688", "256.1.1.1:1688", "10.0.0:1688", "010.0.0.1:1688", "kms:1688:1688", "/ato:1688", "%PATH%:1688",
        "kms.example.com:+1688"})
    void refusesAnythingButHostColonPort(String value) throws Exception {
        RecordingProcessRunner runner = scripted();
        CommandException e = assertThrows(CommandException.class, () -> send(value, runner));
        assertEquals("500", e.returnCode());
        assertEquals(KmsServer.EXPECTED, e.getMessage());
        assertEquals(List.of(), runner.calls());
    }

    @Test
    void refusesAJsonValue() {
        RecordingProcessRunner runner = scripted();
        CommandException e = assertThrows(CommandException.class, () -> handler.handle(
                TestRequests.json("kmsactivate", "{\"activation_key\":\"k\"}"),
                TestCommandContext.builder(root).hostFacts(TestHostFacts::windows).runner(runner).build()));
        assertEquals("500", e.returnCode());
        assertEquals(List.of(), runner.calls());
    }

    @Test
    void failingSkmsStopsAndReportsItsExitCodeAndOutput() throws Exception {
        RecordingProcessRunner runner = scripted(exit(5, "Error: 0x80070005 Access denied.", "boom"));
        assertEquals(CommandResult.of("5", "Command failed: Error: 0x80070005 Access denied. boom"),
                send("kms.example.com:1688", runner));
        assertEquals(1, slmgrCalls(runner).size(), "no /ato after a failed /skms");
    }

    @Test
    void failingActivationReportsItsExitCodeWithTruncatedOutput() throws Exception {
        String longOutput = "x".repeat(2000);
        RecordingProcessRunner runner = scripted(exit(0, "", ""), exit(-1073418124, longOutput, ""));
        CommandResult r = send("kms.example.com:1688", runner);
        assertEquals("-1073418124", r.returnCode());
        assertEquals("Command failed: " + "x".repeat(WindowsKmsActivateCommandHandler.MAX_OUTPUT_CHARS) + "...", r.message());
    }

    @Test
    void notExecutedOnAScratchRootCountsAsSuccess() throws Exception {
        RecordingProcessRunner runner = scripted(ProcessResult.notExecuted(), ProcessResult.notExecuted());
        assertEquals(CommandResult.ok(), send("kms.example.com:1688", runner));
        assertEquals(2, slmgrCalls(runner).size());
    }

    @Test
    void cscriptThatCannotStartGivesA500() {
        RecordingProcessRunner runner = new RecordingProcessRunner()
                .fail(List.of(), new IOException("CreateProcess error=2"));
        CommandException e = assertThrows(CommandException.class, () -> send("kms.example.com:1688", runner));
        assertEquals("500", e.returnCode());
        assertEquals("Couldn't run cscript: CreateProcess error=2", e.getMessage());
    }

    @Test
    void applicableOnlyOnWindows() {
        assertTrue(handler.isApplicable(TestHostFacts.windows(root)));
        assertFalse(handler.isApplicable(TestHostFacts.rhel(root)));
        assertEquals("kmsactivate", handler.name());
    }
}
