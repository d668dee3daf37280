/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.host.Crypto;
import org.novaagent.host.HostReply;
import org.novaagent.host.HostSimulator;
import org.novaagent.host.NetworkSpec;
import org.novaagent.testkit.NativeFake;
import org.novaagent.tests.support.AgentProcess;

/**
 * A Windows guest, as far as Linux can play one: the real agent runs with {@code --root} over a
 * Windows-shaped root (a {@code Windows/System32} tree, a cloud-automation script) against the real
 * oxenstored, with the password plugin's jnr-ffi bindings loaded from the C stand-in of
 * netapi32/advapi32/kernel32 ({@code novaagent.win32.stand-in}). The host simulator asks
 * {@code version}, {@code features}, {@code keyinit} + {@code password}, {@code injectfile} (a
 * {@code C:\\...} path written on the root, bad Windows paths refused), {@code kmsactivate} and
 * {@code resetnetwork}; commands are only logged (the root is not the live system), which is where
 * slmgr, reg.exe, the script start and the PowerShell session of network-windows are checked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WindowsRootE2ETests {

    @TempDir
    static Path dir;

    private XenStoreStage stage;
    private RunningAgent agent;
    private HostSimulator sim;
    private Path passwords;
    private Path root;

    @BeforeAll
    void start() throws Exception {
        Path standIn = NativeFake.compile(Path.of("../plugins/password/src/test/c/fake_netapi32.c"),
                Path.of("target/native"), "fake_netapi32");
        root = Files.createDirectories(dir.resolve("winroot"));
        Files.createDirectories(root.resolve("Windows/System32/config"));
        Files.createDirectories(root.resolve("cloud-automation"));
        Files.writeString(root.resolve("cloud-automation/bootstrap.cmd"), "@echo off\r\n");
        passwords = dir.resolve("netapi32.log");
        stage = XenStoreStage.start(dir, Duration.ofSeconds(30));
        sim = stage.sim();
        agent = stage.startAgent(root, Map.of("JDK_JAVA_OPTIONS", "-Dnovaagent.win32.stand-in=" + standIn,
                "FAKE_NETAPI32_LOG", passwords.toString()));
    }

    @AfterAll
    void stop() {
        if (stage != null) {
            stage.close();
        }
    }

    @Test
    @Order(1)
    void theWindowsSetIsSelectedAndTheLinuxPluginsAreNotApplicable() throws Exception {
        AgentProcess.Result list = AgentProcess.run("plugins", "list", "--root", root.toString(),
                "--plugins-dir", Files.createDirectories(dir.resolve("plugins")).toString(), "--allow-insecure-plugins-dir",
                "--log-level", "info");
        assertEquals(0, list.exitCode(), list::toString);
        String out = list.stdout();
        assertTrue(out.matches("(?s).*\\npassword\\s+org\\.novaagent\\.plugin\\.password\\s.*selected.*"), out);
        assertTrue(out.matches("(?s).*\\nkmsactivate\\s+org\\.novaagent\\.plugin\\.windows\\.activation\\s.*selected.*"), out);
        assertTrue(out.matches("(?s).*\\nkmsactivate\\s+org\\.novaagent\\.plugin\\.rhel\\.registration\\s.*not applicable.*"), out);
        assertTrue(out.matches("(?s).*\\nresetnetwork\\s+org\\.novaagent\\.plugin\\.network\\.netplan\\s.*not applicable.*"), out);
        assertTrue(out.matches("(?s).*\\ninjectfile\\s+org\\.novaagent\\.plugin\\.file\\.inject\\s.*selected.*"), out);
        assertTrue(out.matches("(?s).*\\nfile_inject\\s+org\\.novaagent\\.plugin\\.file\\.inject\\s.*selected.*"), out);
        assertTrue(out.matches("(?s).*\\nresetnetwork\\s+org\\.novaagent\\.plugin\\.network\\.windows\\s.*selected.*"), out);
        assertTrue(list.stderr().contains("target root " + root + " (dry run): windows"), list.stderr());
        assertTrue(list.stderr().contains("cannot read the Windows ACL of plugins directory"), "the Windows ACL rule applies:\n"
                + list.stderr());
    }

    @Test
    @Order(2)
    void atStartTheCloudAutomationFlagIsQueried() {
        assertTrue(agent.stderr().contains("would run: C:\\Windows\\System32\\reg.exe query HKLM\\SOFTWARE\\Rackspace /v"
                + " cloud-automation-run"), agent.stderr());
    }

    @Test
    @Order(3)
    void versionAndFeatures() throws Exception {
        HostReply version = sim.version();
        assertEquals("0", version.returnCode(), version + "\n" + agent.stderr());
        HostReply features = sim.features();
        assertEquals("0", features.returnCode(), features.toString());
        for (String c : new String[] {"keyinit", "password", "kmsactivate", "resetnetwork", "version", "features", "injectfile",
            "file_inject"}) {
            assertTrue(List.of(features.message().split(",")).contains(c), features.message());
        }
    }

    @Test
    @Order(4)
    void keyinitAndPasswordReachNetUserSetInfoForTheRid500Account() throws Exception {
        HostReply keyinit = sim.keyinit();
        assertEquals("D0", keyinit.returnCode(), keyinit + "\n" + agent.stderr());
        HostReply password = sim.password("Win-E2e-Passw0rd!", Crypto.Digest.MD5);
        assertEquals("0", password.returnCode(), password + "\n" + agent.stderr());
        assertEquals("user=Administrator password=Win-E2e-Passw0rd!\n", Files.readString(passwords));
        assertFalse(agent.stderr().contains("Win-E2e-Passw0rd!"), "the password reached the log");
    }

    @Test
    @Order(5)
    void injectfileWritesAWindowsPathOnTheSystemDriveAndRefusesBadOnes() throws Exception {
        HostReply ok = sim.injectfile("C:\\windows\\system32\\drivers\\etc\\hosts", "10.0.0.1 db\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("0", ok.returnCode(), ok + "\n" + agent.stderr());
        assertEquals("10.0.0.1 db\r\n", Files.readString(root.resolve("Windows/System32/drivers/etc/hosts")));
        for (String bad : new String[] {"\\\\server\\share\\x.txt", "C:\\x.txt:stream", "C:\\NUL", "C:\\a\\..\\..\\x"}) {
            HostReply refused = sim.injectfile(bad, "x".getBytes(StandardCharsets.UTF_8));
            assertEquals("500", refused.returnCode(), refused.toString());
            assertTrue(refused.message().startsWith("Invalid path: "), refused.toString());
        }
        assertEquals(List.of("Windows"), names(root), "nothing else written on the drive");
    }

    private static List<String> names(Path dir) throws java.io.IOException {
        try (Stream<Path> s = Files.list(dir)) {
            // ProgramData holds the agent's own state (journal, history): see the last two tests
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("cloud-automation")
                    && !n.equals("ProgramData")).sorted().toList();
        }
    }

    @Test
    @Order(6)
    void kmsactivateRunsTheCloudAutomationThenSlmgr() throws Exception {
        HostReply kms = sim.kmsactivate("kms.example.com:1688");
        assertEquals("0", kms.returnCode(), kms + "\n" + agent.stderr());
        String log = agent.stderr();
        int delete = log.indexOf("would run: C:\\Windows\\System32\\reg.exe delete HKLM\\SOFTWARE\\Rackspace /v cloud-automation /f");
        int script = log.indexOf("would run: C:\\Windows\\System32\\cmd.exe /c start \"nova-agent cloud automation\" /min"
                + " C:\\cloud-automation\\bootstrap.cmd");
        int skms = log.indexOf("would run: C:\\Windows\\System32\\cscript.exe //NoLogo C:\\Windows\\System32\\slmgr.vbs"
                + " /skms kms.example.com:1688");
        int ato = log.indexOf("would run: C:\\Windows\\System32\\cscript.exe //NoLogo C:\\Windows\\System32\\slmgr.vbs /ato");
        assertTrue(delete > 0 && script > delete && skms > script && ato > skms, log);
    }

    /**
     * network-windows answers through oxenstored: its one read-only PowerShell session (the adapter
     * query, script on stdin) is only logged on a root that is not the live system, so no adapter is
     * known and the reply is nova's failure code "1" saying why, never "500" (success to nova).
     */
    @Test
    @Order(7)
    void resetnetworkRoutesToNetworkWindowsAndNeverClaimsSuccessWithoutAdapters() throws Exception {
        NetworkSpec.Nic pub = new NetworkSpec.Nic("public", "bc:76:4e:20:75:72",
                List.of(new NetworkSpec.Ip("104.130.4.72", 24, Optional.of("104.130.4.1"))), List.of(), List.of(),
                List.of("69.20.0.164"));
        HostReply reply = sim.resetnetwork(new NetworkSpec(Optional.of("web01"), List.of(pub)));
        assertEquals("1", reply.returnCode(), reply + "\n" + agent.stderr());
        assertFalse(reply.isResetNetworkSuccess());
        assertTrue(reply.message().startsWith("the adapters cannot be read: the target root is not the live system"),
                reply.message());
        assertTrue(agent.stderr().contains("would run: C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"
                + " -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command - <stdin not shown> (a read-only query, but"
                + " target root"), agent.stderr());
    }

    /**
     * {@code agent resetnetwork --dry-run} on the Windows-shaped root, through real oxenstored: the adapter
     * query is marked read-only, but the root is not the live system, so the runtime's dry-run runner
     * only logs it (it would read this machine's adapters, not the guest's) and the reply says what a dry
     * run on the guest itself would show; nothing else is run, nothing is written under the root.
     */
    @Test
    @Order(8)
    void aDryRunOnARootThatIsNotLiveRunsNotEvenTheQueryAndSaysWhy() throws Exception {
        NetworkSpec.Nic pub = new NetworkSpec.Nic("public", "bc:76:4e:20:75:72",
                List.of(new NetworkSpec.Ip("104.130.4.72", 24, Optional.of("104.130.4.1"))), List.of(), List.of(),
                List.of("69.20.0.164"));
        sim.writeNetwork(new NetworkSpec(Optional.of("web01"), List.of(pub)));
        String[] run = RunningAgent.runArgs(Files.createDirectories(dir.resolve("agent-dry")), stage.daemon().socketPath(), root);
        List<String> args = new java.util.ArrayList<>(List.of("resetnetwork", "--dry-run"));
        args.addAll(List.of(run).subList(1, run.length));
        AgentProcess.Result r = AgentProcess.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().contains("the plan depends on the adapters' state, which a dry run reads only on the live"
                + " system"), r.stdout());
        assertTrue(r.stderr().contains("would run: C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"
                + " -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command - <stdin not shown> (a read-only query, but"
                + " target root"), r.stderr());
        assertEquals(1, r.stderr().split("would run: ", -1).length - 1, "only the query, and only logged:\n" + r.stderr());
    }

    /**
     * The request journal and history of a Windows guest live in {@code C:\ProgramData\nova-agent}
     * (created private: here, on a Linux file system without ACLs, 0700 and the agent's; the NTFS DACL
     * is proven over the ACL model in agent-runtime), {@code status --root} reads them there, and
     * nothing goes to {@code var/lib/nova-agent}.
     */
    @Test
    @Order(8)
    void historyAndJournalAreWrittenToTheWindowsStateDirectoryAndStatusReadsThem() throws Exception {
        Path nova = root.resolve("ProgramData/nova-agent");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(nova)));
        String history = Files.readString(nova.resolve("history"));
        for (String command : new String[] {"\"command\":\"version\"", "\"command\":\"keyinit\"", "\"command\":\"password\"",
            "\"command\":\"resetnetwork\""}) {
            assertTrue(history.contains(command), history);
        }
        assertFalse(history.contains("Win-E2e-Passw0rd!"), "no secret in the history");
        assertTrue(Files.isDirectory(nova.resolve("requests")), "the journal was written there");
        // the record is removed just after its reply is committed: the last reply may be seen a moment before
        List<Path> left = records(nova.resolve("requests"));
        for (long end = System.nanoTime() + 5_000_000_000L; !left.isEmpty() && System.nanoTime() < end; left = records(nova.resolve("requests"))) {
            Thread.sleep(20);
        }
        assertEquals(List.of(), left, "every record removed once its reply was committed");
        assertFalse(Files.exists(root.resolve("var/lib/nova-agent")), "nothing in the POSIX state directory");
        AgentProcess.Result status = AgentProcess.run("status", "--root", root.toString(), "--last", "50");
        assertEquals(0, status.exitCode(), status::toString);
        assertTrue(status.stdout().matches("(?s).*\\skeyinit\\s+D0\\s.*"), status.stdout());
        assertTrue(status.stdout().matches("(?s).*\\sresetnetwork\\s+1\\s.*"), status.stdout());
    }

    /**
     * A state directory someone else may write is refused, not trusted: the request is still
     * answered, the agent says why it keeps no journal and no history, and the old history is intact.
     */
    @Test
    @Order(9)
    void aStateDirectoryOthersMayWriteIsRefusedWithAClearMessage() throws Exception {
        Path nova = root.resolve("ProgramData/nova-agent");
        String before = Files.readString(nova.resolve("history"));
        Files.setPosixFilePermissions(nova, PosixFilePermissions.fromString("rwxrwxrwx"));
        try {
            HostReply version = sim.version();
            assertEquals("0", version.returnCode(), version + "\n" + agent.stderr());
            assertTrue(agent.stderr().contains("cannot record it in the journal " + nova.resolve("requests") + " (state directory "
                    + nova + " is not private to the agent, nothing written or read: state directory " + nova
                    + " is group-writable (mode 0777)"), agent.stderr());
            assertEquals(before, Files.readString(nova.resolve("history")), "no history written");
        } finally {
            Files.setPosixFilePermissions(nova, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static List<Path> records(Path journal) throws IOException {
        try (Stream<Path> files = Files.list(journal)) {
            return files.toList();
        }
    }
}
