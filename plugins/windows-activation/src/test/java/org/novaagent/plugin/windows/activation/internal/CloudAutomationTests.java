/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.windows.activation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.ProcessResult;
import org.novaagent.testkit.RecordingProcessRunner;
import org.novaagent.testkit.TestCommandContext;
import org.novaagent.testkit.TestHostFacts;

/**
 * Cloud automation (§5.2 step 1) over a Windows-shaped root with a recording runner answering
 * reg.exe as Windows does (exit 0 = key or value found, exit 1 = not found).
 */
class CloudAutomationTests {

    private static final ProcessResult FOUND = new ProcessResult(0, "cloud-automation-run    REG_SZ    True", "", true);
    private static final ProcessResult NOT_FOUND = new ProcessResult(1, "",
            "ERROR: The system was unable to find the specified registry key or value.", true);
    private static final List<String> REG = List.of(CloudAutomation.REG);

    @TempDir
    Path root;

    private final WindowsKmsActivateCommandHandler handler = new WindowsKmsActivateCommandHandler();

    private CommandContext context(RecordingProcessRunner runner) {
        return TestCommandContext.builder(root).hostFacts(TestHostFacts::windows).runner(runner).build();
    }

    private void script(String guestPath) throws Exception {
        Path p = root.resolve(guestPath);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "@echo off\r\n");
    }

    private static List<String> reg(String... args) {
        List<String> l = new java.util.ArrayList<>(REG);
        l.addAll(List.of(args));
        return l;
    }

    private static List<String> start(String script) {
        return List.of(CloudAutomation.CMD, "/c", "start", "\"nova-agent cloud automation\"", "/min", script);
    }

    @Test
    void kmsactivateStartsTheImagesScriptsWhenNoRebootIsPending() throws Exception {
        script("Windows/Setup/Scripts/deploycomplete.cmd");
        script("cloud-automation/bootstrap.cmd");
        RecordingProcessRunner runner = new RecordingProcessRunner().answer(REG, NOT_FOUND);
        handler.handle(CommandRequest.of("1", "kmsactivate", "kms:1688"), context(runner));
        assertEquals(List.of(
                reg("delete", "HKLM\\SOFTWARE\\Rackspace", "/v", "cloud-automation", "/f"),
                reg("query", CloudAutomation.REBOOT_PENDING_KEYS.get(0)),
                reg("query", CloudAutomation.REBOOT_PENDING_KEYS.get(1)),
                start("C:\\Windows\\Setup\\Scripts\\deploycomplete.cmd"),
                start("C:\\cloud-automation\\bootstrap.cmd")), runner.commands().subList(0, 5));
        assertEquals("/skms", runner.commands().get(5).get(3));
    }

    @Test
    void aPendingRebootDefersTheScriptsToTheNextStart() throws Exception {
        script("cloud-automation/bootstrap.bat");
        RecordingProcessRunner runner = new RecordingProcessRunner()
                .answer(reg("query", CloudAutomation.REBOOT_PENDING_KEYS.get(0)), FOUND)
                .answer(REG, NOT_FOUND);
        CloudAutomation.afterFirstBoot(context(runner));
        assertEquals(List.of(
                reg("delete", "HKLM\\SOFTWARE\\Rackspace", "/v", "cloud-automation", "/f"),
                reg("query", CloudAutomation.REBOOT_PENDING_KEYS.get(0)),
                reg("add", "HKLM\\SOFTWARE\\Rackspace", "/v", "cloud-automation-run", "/t", "REG_SZ", "/d", "True", "/f")),
                runner.commands());
    }

    @Test
    void atStartTheFlagIsClearedFirstThenTheScriptRuns() throws Exception {
        script("cloud-automation/bootstrap.bat");
        RecordingProcessRunner runner = new RecordingProcessRunner().answer(REG, FOUND);
        handler.onStart(context(runner));
        assertEquals(List.of(
                reg("query", "HKLM\\SOFTWARE\\Rackspace", "/v", "cloud-automation-run"),
                reg("delete", "HKLM\\SOFTWARE\\Rackspace", "/v", "cloud-automation-run", "/f"),
                start("C:\\cloud-automation\\bootstrap.bat")), runner.commands());
    }

    @Test
    void atStartNothingRunsWithoutTheFlagOrWhenItCannotBeCleared() throws Exception {
        script("cloud-automation/bootstrap.bat");
        RecordingProcessRunner unset = new RecordingProcessRunner().answer(REG, NOT_FOUND);
        handler.onStart(context(unset));
        assertEquals(1, unset.commands().size());
        RecordingProcessRunner stuck = new RecordingProcessRunner()
                .answer(reg("query"), FOUND).answer(reg("delete"), new ProcessResult(1, "", "ERROR: Access is denied.", true));
        handler.onStart(context(stuck));
        assertEquals(2, stuck.commands().size(), "no script when the flag would stay set");
    }

    @Test
    void aDryRunOnlyLogsTheQuery() throws Exception {
        script("cloud-automation/bootstrap.bat");
        RecordingProcessRunner dry = new RecordingProcessRunner().otherwise(ProcessResult.notExecuted());
        handler.onStart(context(dry));
        assertEquals(1, dry.commands().size());
    }

    @Test
    void windowsPathsMapOntoTheTargetRoot() {
        assertEquals("/cloud-automation/bootstrap.cmd", CloudAutomation.guestPath("C:\\cloud-automation\\bootstrap.cmd"));
    }
}
