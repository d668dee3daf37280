/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.host.demo.Distro;
import org.novaagent.host.demo.DistroRootBuilder;
import org.novaagent.testkit.RequiredTool;
import org.novaagent.tests.support.AgentProcess;

/**
 * The OpenRC service script's readiness ({@code notify="socket:ready"}, OpenRC 0.62+) with the real agent
 * and the real oxenstored. OpenRC 0.62 is not packaged for Debian (the unpacked openrc is 0.45, without
 * notify), so its {@code notify_wait} is played by a Python stand-in doing what supervise-daemon's does
 * (src/shared/misc.c): bind a datagram socket, hand its path over as {@code NOTIFY_SOCKET}, wait for
 * {@code READY=1}, then remove the socket. The agent must send READY=1 only from its armed watch (status
 * "Watching data/host"), keep answering after the socket is gone without warning about it, and, started
 * with a malformed agent.conf, still send READY=1 naming the failure before it exits, since supervise-daemon's
 * wait has no timeout and would hold up the boot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenRcReadinessE2ETests {

    /** supervise-daemon's notify_wait for socket:ready: the first datagram with READY=1, then unlink. */
    private static final String NOTIFY_WAIT = String.join("\n",
            "import os, socket, sys",
            "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)",
            "s.bind(sys.argv[1])",
            "s.settimeout(60)",
            "print('bound', flush=True)",
            "while True:",
            "    msg = s.recv(4096).decode()",
            "    print(repr(msg), flush=True)",
            "    if 'READY=1' in msg:",
            "        os.unlink(sys.argv[1])",
            "        break");

    @TempDir
    static Path dir;

    private XenStoreStage stage;
    private Process waiter;

    @BeforeAll
    void start() throws Exception {
        stage = XenStoreStage.start(dir, Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() {
        if (stage != null) {
            stage.close();
        }
    }

    @AfterEach
    void killWaiter() {
        if (waiter != null) {
            waiter.destroyForcibly();
        }
    }

    private BufferedReader notifyWait(Path socket) throws IOException {
        Path python = RequiredTool.require("/usr/bin/python3", "plays supervise-daemon's notify_wait");
        Path script = Files.writeString(dir.resolve("notify_wait.py"), NOTIFY_WAIT);
        waiter = new ProcessBuilder(python.toString(), script.toString(), socket.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(waiter.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("bound", out.readLine());
        return out;
    }

    @Test
    void readyComesFromTheArmedWatchAndTheGoneSocketIsNotAnError() throws Exception {
        Path socket = dir.resolve("supervise-nova-agent.sock");
        BufferedReader waited = notifyWait(socket);
        Path root = DistroRootBuilder.build(dir.resolve("root-alpine"), Distro.ALPINE);
        Map<String, String> env = Map.of("NOTIFY_SOCKET", socket.toString(), "NOVA_AGENT_READY_ON_FAILED_START", "yes");
        try (RunningAgent agent = RunningAgent.start(dir.resolve("agent-ready"), stage.daemon().socketPath(), root, env)) {
            assertEquals("'READY=1\\nSTATUS=Watching data/host'", waited.readLine(), agent.stderr());
            assertTrue(waiter.waitFor(10, TimeUnit.SECONDS));
            assertFalse(Files.exists(socket), "the stand-in removed its socket, as supervise-daemon does");
            assertEquals("0", stage.sim().version().returnCode(), agent.stderr());
            agent.close();
            // neither path warns (libc's "sd_notify to ... failed", systemd-notify's exit status when run as root)
            String log = agent.stderr();
            assertFalse(log.contains("[WARN] SdNotify") || log.contains("[WARN] SystemdNotifyCommand"),
                    "no warning about the removed socket:\n" + log);
        }
    }

    @Test
    void anAgentThatCannotStartStillReleasesTheWait() throws Exception {
        Path socket = dir.resolve("supervise-broken.sock");
        BufferedReader waited = notifyWait(socket);
        Path broken = Files.writeString(dir.resolve("broken.conf"), "this line is not key = value\n");
        Path root = DistroRootBuilder.build(dir.resolve("root-broken"), Distro.ALPINE);
        Process p = AgentProcess.start(dir.resolve("agent-broken"),
                Map.of("NOTIFY_SOCKET", socket.toString(), "NOVA_AGENT_READY_ON_FAILED_START", "yes"),
                "run", "--xenstore", stage.daemon().socketPath().toString(), "--root", root.toString(), "--config", broken.toString());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), Files.readString(dir.resolve("agent-broken/agent.err")));
        assertEquals("'READY=1\\nSTATUS=Not started (exit 2): usage or configuration error'", waited.readLine());
    }
}
