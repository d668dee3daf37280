/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.novaagent.host.demo.Distro;
import org.novaagent.host.demo.DistroRootBuilder;
import org.novaagent.testkit.NotifyListener;
import org.novaagent.testkit.NotifyListener.Message;
import org.novaagent.testkit.RequiredTool;

/**
 * systemd readiness ({@code Type=notify}, {@code NotifyAccess=main}) with the real agent, the real oxenstored
 * and the real {@code /usr/bin/systemd-notify}: READY=1 from the armed watch and STOPPING=1 at SIGTERM reach
 * a datagram socket credited to the agent's own pid (what systemd compares with the main pid), and the agent
 * never loads jnr-ffi for it (issue #14: 7 MiB of resident memory). The socket is played by
 * {@link NotifyListener}; dist/boot-tests.sh shows the same under systemd itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SystemdNotifyE2ETests {

    @TempDir
    static Path dir;

    private XenStoreStage stage;

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

    @Test
    void readyAndStoppingComeFromTheAgentsPidWithoutJnrFfi() throws Exception {
        RequiredTool.requireRoot("systemd-notify credits the agent's pid only for a root sender with CAP_SYS_ADMIN");
        RequiredTool.require("/usr/bin/systemd-notify", "sends the agent's sd_notify messages");
        Path socket = dir.resolve("notify");
        Path classes = dir.resolve("classes.log");
        Path root = DistroRootBuilder.build(dir.resolve("root-debian"), Distro.DEBIAN);
        Map<String, String> env = Map.of("NOTIFY_SOCKET", socket.toString(),
                "JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + classes);
        try (NotifyListener listener = NotifyListener.start(dir, socket.toString(), Duration.ZERO);
             RunningAgent agent = RunningAgent.start(dir.resolve("agent"), stage.daemon().socketPath(), root, env)) {
            long pid = agent.process().pid();
            assertEquals(List.of(new Message(pid, "READY=1\nSTATUS=Watching data/host")),
                    listener.take(1, Duration.ofSeconds(30)), agent.stderr());
            assertEquals("0", stage.sim().version().returnCode(), "answers while notified");
            agent.close();
            assertEquals(List.of(new Message(pid, "STOPPING=1")), listener.take(1, Duration.ofSeconds(10)), agent.stderr());
            assertEquals(List.of(), listener.drain(Duration.ofMillis(500)), "nothing else");
            String loaded = Files.readString(classes);
            assertTrue(loaded.contains("org.novaagent.runtime.notify.SystemdNotifyCommand "), "the command path was taken");
            assertFalse(loaded.contains(" jnr.ffi."), "jnr-ffi loaded:\n" + agent.stderr());
            assertFalse(agent.stderr().contains("[WARN] SystemdNotifyCommand"), agent.stderr());
        }
    }
}
