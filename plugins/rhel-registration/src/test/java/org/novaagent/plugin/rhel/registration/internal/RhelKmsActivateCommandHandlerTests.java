/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.rhel.registration.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class RhelKmsActivateCommandHandlerTests {

    /** The runtime's process logger: the recording runner logs each command there, as the real one does. */
    private static final Logger PROCESS_LOG = LoggerFactory.getLogger("org.novaagent.runtime.process");
    private static final String KEY = "1-7f3c9a0e5b2d4c6aSECRET";
    private static final String VALUE = "{\"activation_key\": \"" + KEY + "\", \"profile\": \"web 01\", "
            + "\"domains\": [\"rhn.example.com\", \"10.0.0.5:8443\"], \"org\": \"Acme_Org\"}";

    @TempDir
    Path root;

    private final RhelKmsActivateCommandHandler handler = new RhelKmsActivateCommandHandler();

    private void install(String guestPath) throws IOException {
        Path p = root.resolve(guestPath.substring(1));
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private CommandResult send(String json, RecordingProcessRunner runner) throws Exception {
        return handler.handle(TestRequests.json("kmsactivate", json), context(runner));
    }

    private TestCommandContext context(RecordingProcessRunner runner) {
        return TestCommandContext.builder(root).hostFacts(TestHostFacts::rhel).runner(runner).build();
    }

    /** A runner that logs every command at debug, like the runtime's, and never its stdin. */
    private static RecordingProcessRunner runner() {
        return new RecordingProcessRunner().onRun(command -> PROCESS_LOG.debug("Running {}", command));
    }

    private static RecordingProcessRunner exitingWith(int code, String stderr) {
        return runner().otherwise(new ProcessResult(code, "", stderr, true));
    }

    @Test
    void subscriptionManagerIsPreferredAndGetsTheKeyOnStdinOnly() throws Exception {
        install("/usr/sbin/subscription-manager");
        install("/usr/sbin/rhnreg_ks");
        RecordingProcessRunner runner = exitingWith(0, "");
        assertEquals(CommandResult.ok(), send(VALUE, runner));

        assertEquals(1, runner.calls().size());
        RecordingProcessRunner.Call call = runner.calls().get(0);
        assertEquals(List.of("/bin/sh", "-c", "IFS= read -r key || exit 97; exec \"$1\" register "
                + "\"--activationkey=$key\" \"--org=$2\" \"--name=$3\" --force", "nova-agent-kmsactivate",
                "/usr/sbin/subscription-manager", "Acme_Org", "web 01"), call.command());
        assertEquals(RecordingProcessRunner.sha256(KEY + "\n"), call.stdinSha256(),
                "exactly the key and a newline on stdin");
        assertFalse(String.join(" ", call.command()).contains(KEY));
        assertFalse(Files.exists(root.resolve("etc/sysconfig/rhn/up2date")), "RHN config only for rhnreg_ks");
    }

    @Test
    void legacyPathWritesUp2dateDeletesSystemidAndRunsRhnregKsWithAnEmptyEnvironment() throws Exception {
        install("/usr/sbin/rhnreg_ks");
        Path systemid = root.resolve("etc/sysconfig/rhn/systemid");
        Files.createDirectories(systemid.getParent());
        Files.writeString(systemid, "old registration");
        RecordingProcessRunner runner = exitingWith(0, "");
        assertEquals(CommandResult.ok(), send(VALUE, runner));

        Path up2date = root.resolve("etc/sysconfig/rhn/up2date");
        assertEquals(golden("up2date-two-domains"), Files.readString(up2date));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(up2date)));
        assertFalse(Files.exists(systemid));
        RecordingProcessRunner.Call call = runner.calls().get(0);
        assertEquals(List.of("/bin/sh", "-c", "IFS= read -r key || exit 97; exec /usr/bin/env -i \"$1\" "
                + "--activationkey \"$key\" --profile \"$2\" --force", "nova-agent-kmsactivate",
                "/usr/sbin/rhnreg_ks", "web 01"), call.command());
        assertEquals(RecordingProcessRunner.sha256(KEY + "\n"), call.stdinSha256(),
                "exactly the key and a newline on stdin");
    }

    @Test
    void legacyPathCreatesTheRhnDirectoryAndAcceptsOneDomainAsAString() throws Exception {
        install("/usr/sbin/subscription-manager");           // present, but no org in the request
        install("/usr/sbin/rhnreg_ks");
        String json = "{\"activation_key\": \"" + KEY + "\", \"profile\": \"p\", \"domains\": \"rhn.example.com\"}";
        assertEquals(CommandResult.ok(), send(json, exitingWith(0, "")));
        String up2date = Files.readString(root.resolve("etc/sysconfig/rhn/up2date"));
        assertTrue(up2date.contains("\nserverURL=https://rhn.example.com/XMLRPC;\n"), up2date);
        assertTrue(up2date.contains("\nnoSSLServerURL=http://rhn.example.com/XMLRPC;\n"), up2date);
    }

    @Test
    void failureReportsTheExitCodeAndNeverLogsTheKey() throws Exception {
        install("/usr/sbin/rhnreg_ks");
        RecordingProcessRunner runner = exitingWith(3, "Invalid activation key " + KEY + "\n");
        String log = capturingStandardError(() -> {
            CommandResult r = send(VALUE, runner);
            assertEquals(CommandResult.of("500", "Couldn't activate with RHN: 3"), r);
        });
        assertTrue(log.contains("Running [/bin/sh"), "the runner's debug line was captured: " + log);
        assertTrue(log.contains("Invalid activation key <removed>"), log);
        assertFalse(log.contains(KEY), log);
    }

    @Test
    void successNeverLogsTheKeyEvenAtDebug() throws Exception {
        install("/usr/sbin/subscription-manager");
        String log = capturingStandardError(() -> send(VALUE, exitingWith(0, "")));
        assertTrue(log.contains("Registering profile 'web 01' with org 'Acme_Org'"), log);
        assertFalse(log.contains(KEY), log);
    }

    @Test
    void subscriptionManagerFailureIsReported() throws Exception {
        install("/usr/sbin/subscription-manager");
        assertEquals(CommandResult.of("500", "Couldn't register with subscription-manager: 70"),
                send(VALUE, exitingWith(70, "")));
    }

    @Test
    void runnerThatCannotStartGivesAMaskedError() throws Exception {
        install("/usr/sbin/rhnreg_ks");
        RecordingProcessRunner runner = runner().fail(List.of(), new IOException("cannot run with " + KEY));
        CommandException e = assertThrows(CommandException.class, () -> send(VALUE, runner));
        assertEquals("500", e.returnCode());
        assertEquals("Couldn't activate with RHN: cannot run with <removed>", e.getMessage());
    }

    @Test
    void commandThatWasNotExecutedOnAScratchRootCountsAsSuccess() throws Exception {
        install("/usr/sbin/rhnreg_ks");
        RecordingProcessRunner runner = runner().otherwise(ProcessResult.notExecuted());
        assertEquals(CommandResult.ok(), send(VALUE, runner));
        assertEquals(1, runner.calls().size(), "the handler still goes through ctx.processes()");
    }

    @Test
    void noToolGivesAClearError() throws Exception {
        RecordingProcessRunner runner = exitingWith(0, "");
        CommandException e = assertThrows(CommandException.class, () -> send(VALUE, runner));
        assertEquals("Neither subscription-manager nor rhnreg_ks is installed: cannot register", e.getMessage());
        assertEquals(List.of(), runner.calls());
    }

    @Test
    void subscriptionManagerWithoutOrgAndNoRhnregKsIsRefused() throws Exception {
        install("/usr/sbin/subscription-manager");
        String json = "{\"activation_key\": \"k\", \"profile\": \"p\", \"domains\": \"rhn.example.com\"}";
        CommandException e = assertThrows(CommandException.class, () -> send(json, exitingWith(0, "")));
        assertTrue(e.getMessage().contains("no \"org\""), e.getMessage());
    }

    @Test
    void stringValueIsRefused() throws Exception {
        install("/usr/sbin/rhnreg_ks");
        CommandException e = assertThrows(CommandException.class, () -> handler.handle(
                CommandRequest.of("1", "kmsactivate", "kms.example.com:1688"),
                context(exitingWith(0, ""))));
        assertEquals("500", e.returnCode());
        assertTrue(e.getMessage().startsWith("Invalid kmsactivate data: expected a JSON object"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"profile\": \"p\", \"domains\": \"h\"}",
        "{\"activation_key\": \"k\", \"domains\": \"h\"}",
        "{\"activation_key\": \"k\", \"profile\": \"p\"}",
        "{\"activation_key\": \"k\", \"profile\": \"p\", \"domains\": []}",
        "{\"activation_key\": \"k ey\", \"profile\": \"p\", \"domains\": \"h\"}",
        "{\"activation_key\": \"k\\n\", \"profile\": \"p\", \"domains\": \"h\"}",
        "{\"activation_key\": \"\", \"profile\": \"p\", \"domains\": \"h\"}",
        "{\"activation_key\": 12, \"profile\": \"p\", \"domains\": \"h\"}",
        "{\"activation_key\": \"k\", \"profile\": \"-x\", \"domains\": \"h\"}",
        "{\"activation_key\": \"k\", \"profile\": \"a\\u0000b\", \"domains\": \"h\"}",
        "{\"activation_key\": \"k\", \"profile\": \"p\", \"domains\": \"h;evil=1\"}",
        "{\"activation_key\": \"k\", \"profile\": \"p\", \"domains\": \"h\\nnoReboot=1\"}",
        "{\"activation_key\": \"k\", \"profile\": \"p\", \"domains\": \"h/x\"}",
        "{\"activation_key\": \"k\", \"profile\": \"p\", \"domains\": \"-h\"}",
        "{\"activation_key\": \"k\", \"profile\": \"p\", \"domains\": \"h\", \"org\": \"\"}",
        "{\"activation_key\": \"k\", \"profile\": \"p\", \"domains\": [\"h\", 5]}",
        "{\"activation_key\": \"k\", \"profile\": {\"nested\": \"p\"}, \"domains\": \"h\"}",
        "[\"k\"]",
        "42"})
    void invalidValuesAreRefusedBeforeAnythingHappens(String json) throws Exception {
        install("/usr/sbin/rhnreg_ks");
        RecordingProcessRunner runner = exitingWith(0, "");
        CommandException e = assertThrows(CommandException.class, () -> send(json, runner));
        assertEquals("500", e.returnCode());
        assertTrue(e.getMessage().startsWith("Invalid kmsactivate data: "), e.getMessage());
        assertEquals(List.of(), runner.calls());
        assertFalse(Files.exists(root.resolve("etc/sysconfig/rhn/up2date")));
    }

    @Test
    void applicableOnlyToTheRhelFamily() {
        assertTrue(handler.isApplicable(TestHostFacts.rhel(root)));
        assertFalse(handler.isApplicable(TestHostFacts.debian(root)));
        assertTrue(handler.applicability(TestHostFacts.windows(root)).reason()
                .contains("windows-activation"));
        assertEquals("kmsactivate", handler.name());
    }

    @Test
    void requestToStringMasksTheKey() throws Exception {
        KmsRequest r = KmsRequest.parse(TestRequests.json("kmsactivate", VALUE));
        assertFalse(r.toString().contains(KEY), r.toString());
        assertEquals(KEY, r.activationKey());
        assertEquals(List.of("rhn.example.com", "10.0.0.5:8443"), r.domains());
    }

    private static String golden(String name) throws IOException {
        try (var in = RhelKmsActivateCommandHandlerTests.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Something that may throw, run while System.err is captured. */
    interface Action {
        void run() throws Exception;
    }

    private static String capturingStandardError(Action action) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
