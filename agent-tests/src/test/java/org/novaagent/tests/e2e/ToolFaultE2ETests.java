/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.host.Crypto;
import org.novaagent.host.HostReply;
import org.novaagent.host.HostSimulator;
import org.novaagent.host.demo.DemoNetwork;
import org.novaagent.host.demo.Distro;
import org.novaagent.host.demo.DistroRootBuilder;

/**
 * Issue #17, "Disk and processes": the tools the agent runs on a live system fail, hang or print
 * megabytes, through the real oxenstored and the real agent running as on a live system in a
 * {@link LiveOverlay} (so {@code chpasswd}, {@code netplan apply}, {@code ifup}, {@code nmcli} and
 * {@code subscription-manager}/{@code rhnreg_ks} are really executed: they are {@link ToolStubs}). For each tool and
 * each fault: the reply is a failure nova sees as one, short and naming what failed; a hang is cut
 * at the configured request timeout ({@code timeout.<command> = 4}) and the tool, its child and its
 * double-forked "dhclient" are all gone with no zombie left; the previous network files are back
 * byte for byte ({@code /etc} compared before and after); the agent keeps answering.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ToolFaultE2ETests {

    private static final int TIMEOUT_S = 4;
    private static final String CONFIG = "# ToolFaultE2ETests\ntimeout.resetnetwork = " + TIMEOUT_S
            + "\ntimeout.password = " + TIMEOUT_S + "\ntimeout.kmsactivate = " + TIMEOUT_S + "\n";

    @TempDir
    static Path dir;

    private XenStoreStage stage;
    private HostSimulator sim;

    @BeforeAll
    void start() throws Exception {
        LiveOverlay.requireTools();
        stage = XenStoreStage.start(dir, Duration.ofSeconds(30));
        sim = stage.sim();
    }

    @AfterAll
    void stop() {
        if (stage != null) {
            stage.close();
        }
    }

    @Test
    void netplanApplyAndChpasswdFailHangOrFlood() throws Exception {
        ToolStubs stubs = new ToolStubs(dir.resolve("netplan-ctl"));
        try (LiveOverlay agent = live("netplan", Distro.UBUNTU, stubs, List.of("netplan", "chpasswd"))) {
            networkFaults(agent, stubs, "netplan apply");
            for (String mode : List.of("fail", "flood", "hang")) {
                stubs.mode(mode);
                assertEquals("D0", sim.keyinit().returnCode());
                Fault f = Fault.run(() -> sim.password("N3w-Passw0rd-" + mode, Crypto.Digest.MD5));
                f.check(agent, stubs, "password/chpasswd " + mode, mode, "500");
            }
        }
    }

    @Test
    void ifupFailsHangsOrFloods() throws Exception {
        ToolStubs stubs = new ToolStubs(dir.resolve("ifup-ctl"));
        try (LiveOverlay agent = live("ifup", Distro.DEBIAN, stubs, List.of("ifup"))) {
            networkFaults(agent, stubs, "ifup eth");
        }
    }

    @Test
    void nmcliAndTheRegistrationToolsFailHangOrFlood() throws Exception {
        ToolStubs stubs = new ToolStubs(dir.resolve("rhel-ctl"));
        try (LiveOverlay agent = live("rhel", Distro.RHEL, stubs, List.of("nmcli", "subscription-manager", "rhnreg_ks"))) {
            networkFaults(agent, stubs, "nmcli connection");
            Map<String, String> kms = Map.of("activation_key", "AK-s3cr3t-17", "profile", "web",
                    "domains", "rhn.example.com", "org", "acme");
            for (String mode : List.of("fail", "flood", "hang")) {
                stubs.mode(mode);
                Fault f = Fault.run(() -> sim.kmsactivate(kms));
                f.check(agent, stubs, "kmsactivate/subscription-manager " + mode, mode, "500");
                assertFalse(f.reply.message().contains("AK-s3cr3t-17"), f.reply.toString());
            }
            // without an organisation the legacy rhnreg_ks registers (run under env -i by a shell)
            Map<String, String> rhn = Map.of("activation_key", "AK-s3cr3t-17", "profile", "web",
                    "domains", "rhn.example.com");
            for (String mode : List.of("fail", "flood", "hang")) {
                stubs.mode(mode);
                Fault f = Fault.run(() -> sim.kmsactivate(rhn));
                f.check(agent, stubs, "kmsactivate/rhnreg_ks " + mode, mode, "500");
                assertFalse(f.reply.message().contains("AK-s3cr3t-17"), f.reply.toString());
            }
            assertTrue(stubs.calls().stream().anyMatch(c -> c.contains(" rhnreg_ks --activationkey")), stubs.calls().toString());
        }
    }

    private LiveOverlay live(String name, Distro distro, ToolStubs stubs, List<String> underTest) throws Exception {
        Path seed = DistroRootBuilder.build(dir.resolve(name + "-seed"), distro);
        return LiveOverlay.start(dir.resolve(name), stage.daemon().socketPath(), seed, LiveOverlay.NETWORK_DIRS,
                stubs.scripts(underTest), CONFIG);
    }

    /**
     * A baseline that succeeds (two NICs), then each fault while attaching a third NIC (so every
     * backend has a file to write and a tool to run for it): the files must come back to the two
     * NICs' each time.
     */
    private void networkFaults(LiveOverlay agent, ToolStubs stubs, String toolCall) throws Exception {
        HostReply ok = sim.resetnetwork(DemoNetwork.twoNics());
        assertEquals("0", ok.returnCode(), ok + "\n" + agent.log());
        String tool = toolCall.split(" ")[0];
        assertTrue(stubs.calls().stream().anyMatch(c -> c.contains(" " + tool + " ")),
                "the live agent ran " + tool + ": " + stubs.calls() + "\n" + agent.log());
        for (String mode : List.of("fail", "flood", "hang")) {
            stubs.mode(mode);
            RootSnapshot before = RootSnapshot.of(agent.inside("etc"));
            Fault f = Fault.run(() -> sim.resetnetwork(DemoNetwork.withCloudNetwork()));
            String what = "resetnetwork/" + toolCall + " " + mode;
            f.check(agent, stubs, what, mode, "1");
            RootSnapshot after = RootSnapshot.of(agent.inside("etc"));
            assertEquals("", before.changedOrRemoved(after), what + ": previous files restored\n" + before.diff(after));
            assertEquals(List.of(), after.temporaryFiles(), what);
        }
        stubs.mode("ok");
        assertEquals("0", sim.resetnetwork(DemoNetwork.withCloudNetwork()).returnCode(),
                "and it works again once the tool does");
    }

    /** One faulty call: its reply and how long it took. */
    private record Fault(HostReply reply, long millis) {

        @FunctionalInterface
        interface Call {
            HostReply run() throws Exception;
        }

        static Fault run(Call call) throws Exception {
            long t0 = System.nanoTime();
            HostReply reply = call.run();
            return new Fault(reply, (System.nanoTime() - t0) / 1_000_000);
        }

        void check(LiveOverlay agent, ToolStubs stubs, String what, String mode, String failureCode) throws Exception {
            String report = what + " -> " + reply + " in " + millis + " ms";
            System.out.println(report);
            assertEquals(failureCode, reply.returnCode(), report);
            assertTrue(reply.message().length() < 600, "a short reply: " + report);
            assertFalse(reply.message().contains("ooooo") && reply.message().length() > 400, report);
            switch (mode) {
                case "hang" -> {
                    assertTrue(reply.message().contains("timed out after " + TIMEOUT_S + "s"), report);
                    assertTrue(millis < (TIMEOUT_S + 8) * 1000L, "the timeout holds: " + report);
                    assertEquals(3, stubs.hangPids().size(), "the stub started its child and grandchild: "
                            + stubs.hangPids());
                }
                case "fail" -> assertTrue(reply.message().matches("(?s).*(exit 3|: 3\\b|simulated failure).*"),
                        "names the failure: " + report);
                default -> {
                    assertTrue(millis < 20_000, report);
                    // the tool's last line, printed after 6 MB, or (kmsactivate: output only in the log) its exit code
                    assertTrue(reply.message().contains("failed after a flood") || reply.message().endsWith(": 4"),
                            "names the failure: " + report);
                }
            }
            stubs.assertNoneLeft(agent.process().pid(), report);
            Files.deleteIfExists(stubs.pidsFile());
            assertTrue(agent.process().isAlive(), "the agent lives on: " + report);
            assertNotEquals("", agent.log());
        }
    }
}
