/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.host.HostReply;
import org.novaagent.host.HostSimulator;
import org.novaagent.host.demo.DemoNetwork;
import org.novaagent.host.demo.Distro;
import org.novaagent.host.demo.DistroRootBuilder;

/**
 * Issue #17: SIGTERM (a package upgrade, {@code systemctl stop}) while a {@code resetnetwork} is
 * running {@code netplan apply}, through the real oxenstored and the real agent in a
 * {@link LiveOverlay}. A request that finishes within the stop grace (25 s) is answered
 * {@code "0"} with its files in place and the agent exits 0. A request whose tool hangs is
 * interrupted when the grace is over: the tool and its children are killed, the previous network
 * files are put back, the reply says the agent was stopping, the agent exits 0; the next start
 * finds nothing to do and runs nothing again. Never a half-applied change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SigtermE2ETests {


    @TempDir
    static Path dir;

    private XenStoreStage stage;
    private HostSimulator sim;

    @BeforeAll
    void start() throws Exception {
        LiveOverlay.requireTools();
        stage = XenStoreStage.start(dir, Duration.ofSeconds(60));
        sim = stage.sim();
    }

    @AfterAll
    void stop() {
        if (stage != null) {
            stage.close();
        }
    }

    @Test
    void aRequestThatFinishesWithinTheGraceIsAnsweredAndApplied() throws Exception {
        ToolStubs stubs = new ToolStubs(dir.resolve("slow-ctl"));
        Path overlay = dir.resolve("slow");
        try (LiveOverlay agent = live(overlay, stubs)) {
            assertEquals("0", sim.resetnetwork(DemoNetwork.twoNics()).returnCode(), agent.log());
            stubs.mode("slow");
            CompletableFuture<HostReply> reply = CompletableFuture.supplyAsync(() -> call(DemoNetwork.withCloudNetwork()));
            awaitCall(stubs, "netplan apply", 2);
            agent.process().destroy(); // SIGTERM while netplan apply runs (3 s)
            assertTrue(agent.process().waitFor(20, TimeUnit.SECONDS), "exits within the grace\n" + agent.log());
            assertEquals(0, agent.process().exitValue(), agent.log());
            HostReply r = reply.get(30, TimeUnit.SECONDS);
            assertEquals("0", r.returnCode(), r + "\n" + agent.log());
        }
        stubs.mode("ok");
        try (LiveOverlay again = live(overlay, stubs)) {
            String yaml = Files.readString(again.inside("etc/netplan/50-nova-agent.yaml"));
            assertTrue(yaml.contains(DemoNetwork.ETH2_MAC.toLowerCase()), "the new configuration is in place:\n" + yaml);
            assertEquals(2, count(stubs, "netplan apply"), "nothing run again after the restart: " + stubs.calls());
        }
    }

    @Test
    void aHangingRequestIsRolledBackWhenTheGraceEndsAndNotRunAgain() throws Exception {
        ToolStubs stubs = new ToolStubs(dir.resolve("hang-ctl"));
        Path overlay = dir.resolve("hang");
        RootSnapshot before;
        try (LiveOverlay agent = live(overlay, stubs)) {
            assertEquals("0", sim.resetnetwork(DemoNetwork.twoNics()).returnCode(), agent.log());
            before = RootSnapshot.of(agent.inside("etc"));
            stubs.mode("hang");
            CompletableFuture<HostReply> reply = CompletableFuture.supplyAsync(() -> call(DemoNetwork.withCloudNetwork()));
            awaitCall(stubs, "netplan apply", 2);
            long t0 = System.nanoTime();
            agent.process().destroy();
            assertTrue(agent.process().waitFor(45, TimeUnit.SECONDS), "exits after grace + clean-up\n" + agent.log());
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
            assertEquals(0, agent.process().exitValue(), agent.log());
            assertTrue(seconds >= 24, "waited for the grace first: " + seconds + " s");
            HostReply r = reply.get(30, TimeUnit.SECONDS);
            assertEquals("1", r.returnCode(), r.toString());
            assertTrue(r.message().contains("interrupted: the agent is stopping"), r.toString());
            assertEquals(3, stubs.hangPids().size(), "the stub had started its children: " + stubs.hangPids());
            stubs.assertNoneLeft(agent.process().pid(), "after SIGTERM");
        }
        stubs.mode("ok");
        try (LiveOverlay again = live(overlay, stubs)) {
            RootSnapshot after = RootSnapshot.of(again.inside("etc"));
            assertEquals("", before.changedOrRemoved(after), "previous files back\n" + before.diff(after));
            assertEquals(List.of(), after.temporaryFiles());
            assertEquals(2, count(stubs, "netplan apply"), "not run again after the restart: " + stubs.calls());
            assertEquals(List.of(), stage.host().directory(stage.domain() + "/data/host"), "no request left");
            assertEquals("0", sim.version().returnCode());
        }
    }

    private LiveOverlay live(Path overlay, ToolStubs stubs) throws Exception {
        Path seed = dir.resolve("seed");
        if (!Files.exists(seed)) {
            DistroRootBuilder.build(seed, Distro.UBUNTU);
        }
        return LiveOverlay.start(overlay, stage.daemon().socketPath(), seed, LiveOverlay.NETWORK_DIRS,
                stubs.scripts(List.of("netplan")), "# SigtermE2ETests: defaults\n");
    }

    private HostReply call(org.novaagent.host.NetworkSpec spec) {
        try {
            return sim.resetnetwork(spec);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitCall(ToolStubs stubs, String call, int times) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (count(stubs, call) < times) {
            assertTrue(System.currentTimeMillis() < deadline, "never called " + call + ": " + stubs.calls());
            Thread.sleep(20);
        }
        Thread.sleep(300);
    }

    private static long count(ToolStubs stubs, String call) throws Exception {
        return stubs.calls().stream().filter(c -> c.contains(" " + call)).count();
    }
}
