/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.novaagent.testkit.RequiredTool;
import org.novaagent.tests.support.AgentProcess;

/**
 * A full or read-only disk (issue #17), through the real oxenstored and the real agent: the agent
 * runs in a private mount namespace whose target root is a small tmpfs. Before each
 * {@code injectfile}, {@code password} and {@code resetnetwork} the tmpfs is filled so that only
 * 0, 1, 2, 3, 5 or 8 blocks are free (so the failure lands at a different step each time: the
 * journal, the backup, the temporary file, the second file), or remounted read-only. Whenever
 * the reply is a failure, every file of the root is intact byte for byte ({@link RootSnapshot}),
 * no temporary file is left and the reply ends with the cause ({@code "cannot write the shadow file:
 * no space left on device"}, {@code "...: read-only file system"}) without a path of the agent's
 * own or an exception class; when there was room, the reply is
 * {@code "0"}. The test reaches the namespace through {@code /proc/<agent pid>/root} and
 * {@code nsenter}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FullDiskE2ETests {

    private static final int[] FREE_BLOCKS = {0, 1, 2, 3, 5, 8};
    private static final long BLOCK = 4096;

    @TempDir
    static Path dir;

    private XenStoreStage stage;
    private HostSimulator sim;
    private Process agent;
    private Path root;
    private Path inside;
    private boolean cloudNetwork;

    @BeforeAll
    void start() throws Exception {
        RequiredTool.require("unshare", "a private mount namespace for the agent's tmpfs root");
        RequiredTool.require("nsenter", "remounts the agent's root read-only inside its namespace");
        stage = XenStoreStage.start(dir, Duration.ofSeconds(30));
        sim = stage.sim();
        Path seed = DistroRootBuilder.build(dir.resolve("seed"), Distro.DEBIAN);
        root = Files.createDirectories(dir.resolve("root"));
        Path work = Files.createDirectories(dir.resolve("agent"));
        List<String> cmd = new ArrayList<>(List.of("unshare", "-m", "--propagation", "private", "/bin/sh", "-c",
                "mount -t tmpfs -o size=1m,mode=755 nova-full \"$0\" && cp -a \"$1\"/. \"$0\"/ && shift && exec \"$@\"",
                root.toString(), seed.toString()));
        cmd.addAll(AgentProcess.command(List.of(RunningAgent.runArgs(work, stage.daemon().socketPath(), root))));
        agent = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(work.resolve("agent.err").toFile()).start();
        inside = Path.of("/proc", Long.toString(agent.pid()), "root").resolve(root.toString().substring(1));
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.readString(work.resolve("agent.err")).contains(RunningAgent.READY_LINE)) {
            assertTrue(agent.isAlive() && System.currentTimeMillis() < deadline, Files.readString(work.resolve("agent.err")));
            Thread.sleep(50);
        }
        assertTrue(Files.exists(inside.resolve("etc/shadow")), "the tmpfs root is reachable through /proc");
        assertEquals(0, Files.list(root).count(), "the tmpfs is private to the agent's namespace");
    }

    @AfterAll
    void stop() throws Exception {
        if (agent != null) {
            agent.destroy();
            if (!agent.waitFor(10, TimeUnit.SECONDS)) {
                agent.destroyForcibly();
            }
        }
        if (stage != null) {
            stage.close();
        }
    }

    @Test
    void injectfileOnAFullOrReadOnlyDiskLeavesTheOldFileAndSaysWhy() throws Exception {
        Files.writeString(inside.resolve("etc/motd"), "the old motd\n");
        byte[] big = new byte[2500]; // a request is at most 4096 bytes, base64 included
        java.util.Arrays.fill(big, (byte) 'x');
        for (int free : FREE_BLOCKS) {
            expectIntactOrDone("injectfile, " + free + " blocks free", free, () -> sim.injectfile("/etc/motd", big));
        }
        expectIntactOrDone("injectfile, read-only", -1, () -> sim.injectfile("/etc/motd", big));
    }

    @Test
    void passwordOnAFullOrReadOnlyDiskLeavesTheOldShadowAndSaysWhy() throws Exception {
        for (int free : FREE_BLOCKS) {
            expectIntactOrDone("password, " + free + " blocks free", free, () -> {
                HostReply key = sim.keyinit();
                assertEquals("D0", key.returnCode(), key.toString());
                return sim.password("N3w-Passw0rd-" + free, Crypto.Digest.MD5);
            });
        }
        assertEquals("D0", sim.keyinit().returnCode());
        expectIntactOrDone("password, read-only", -1, () -> sim.password("N3w-Passw0rd-ro", Crypto.Digest.MD5));
    }

    @Test
    void resetnetworkOnAFullOrReadOnlyDiskLeavesTheOldConfigurationAndSaysWhy() throws Exception {
        for (int free : FREE_BLOCKS) {
            expectIntactOrDone("resetnetwork, " + free + " blocks free", free, this::otherNetwork);
        }
        expectIntactOrDone("resetnetwork, read-only", -1, this::otherNetwork);
    }

    /**
     * A network other than the one applied last (whether that call succeeded or not, the next one
     * differs from what is on disk or from what was asked), so there is always something to write.
     */
    private HostReply otherNetwork() throws Exception {
        cloudNetwork = !cloudNetwork;
        return sim.resetnetwork(cloudNetwork ? DemoNetwork.withCloudNetwork() : DemoNetwork.twoNics());
    }

    /** A host call. */
    @FunctionalInterface
    interface Call {
        HostReply run() throws Exception;
    }

    /**
     * Fills the disk to {@code freeBlocks} free blocks (or remounts it read-only when negative),
     * makes the call, frees the disk again and checks the outcome.
     */
    private void expectIntactOrDone(String what, int freeBlocks, Call call) throws Exception {
        Path filler = inside.resolve("filler");
        Files.deleteIfExists(filler);
        RootSnapshot before = RootSnapshot.of(inside);
        if (freeBlocks >= 0) {
            fill(filler, freeBlocks);
        } else {
            remount("ro");
        }
        HostReply reply;
        try {
            reply = call.run();
        } finally {
            if (freeBlocks < 0) {
                remount("rw");
            }
            Files.deleteIfExists(filler);
        }
        RootSnapshot after = RootSnapshot.of(inside);
        System.out.println(what + " -> " + reply.returnCode() + " " + reply.message());
        String report = what + ": " + reply + "\n" + before.diff(after);
        assertEquals(List.of(), after.temporaryFiles(), report);
        if (reply.returnCode().equals("0")) {
            assertTrue(freeBlocks > 0, "answered 0 with no room at all: " + report);
            return;
        }
        // the cause category, for every command (password included), and nothing of the agent's
        // own paths, the target root or an exception class (SECURITY.md, information leaks)
        String cause = freeBlocks < 0 ? "read-only file system" : "no space left on device";
        assertTrue(reply.message().toLowerCase(java.util.Locale.ROOT).endsWith(": " + cause),
                "the reply names the cause: " + report);
        for (String leak : List.of("/var/lib", ".nova-agent-", "Exception", root.toString(), "/proc/")) {
            assertFalse(reply.message().contains(leak), "the reply leaks '" + leak + "': " + report);
        }
        assertEquals("", before.changedOrRemoved(after), "previous files intact: " + report);
    }

    /**
     * Fills the disk until at most {@code freeBlocks} blocks are free; tops the filler up when the
     * agent's bookkeeping of the previous request (its journal record, removed right after the
     * reply) frees a block meanwhile.
     */
    private void fill(Path filler, int freeBlocks) throws IOException, InterruptedException {
        byte[] chunk = new byte[(int) BLOCK];
        for (int attempt = 0; attempt < 20; attempt++) {
            long usable = Files.getFileStore(inside).getUsableSpace();
            if (usable <= freeBlocks * BLOCK) {
                return;
            }
            try (var out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND)) {
                for (long written = 0; written < usable - freeBlocks * BLOCK; written += BLOCK) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                // full before the last chunk: exactly what was asked for
            }
            Thread.sleep(20);
        }
        long left = Files.getFileStore(inside).getUsableSpace();
        assertTrue(left <= freeBlocks * BLOCK, "free " + left + " bytes, wanted " + freeBlocks + " blocks");
    }

    private void remount(String mode) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("nsenter", "-t", Long.toString(agent.pid()), "-m",
                "mount", "-o", "remount," + mode, root.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "remount " + mode + ": " + out);
    }
}
