/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.xenstore.sim.EmbeddedXenStore;

/** SIGTERM to a real agent JVM: the request in progress is answered and the exit status is 0. */
class ShutdownHookTests {

    @TempDir
    Path dir;

    @Test
    void sigtermFinishesTheRequestInProgressAndExitsZero() throws Exception {
        Path socket = dir.resolve("xs.sock");
        Path ready = dir.resolve("ready");
        try (EmbeddedXenStore xenstore = EmbeddedXenStore.start(socket)) {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process agent = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                    ShutdownProbe.class.getName(), socket.toString(), ready.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile()).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!Files.exists(ready) && System.nanoTime() < deadline && agent.isAlive()) {
                    Thread.sleep(20);
                }
                assertTrue(Files.exists(ready), "agent never got ready: " + Files.readString(dir.resolve("agent.log")));
                xenstore.write("data/host/slow", "{\"name\":\"sleep\",\"value\":\"1500\"}");
                xenstore.write("data/host/later", "{\"name\":\"version\"}");
                Thread.sleep(500);
                agent.destroy(); // SIGTERM
                assertTrue(agent.waitFor(20, TimeUnit.SECONDS), "agent did not exit");
                assertEquals(0, agent.exitValue(), Files.readString(dir.resolve("agent.log")));
                assertEquals(Optional.of("{\"returncode\":\"0\",\"message\":\"slept\"}"), xenstore.read("data/guest/slow"));
                assertEquals(List.of("later"), xenstore.directory("data/host"));
            } finally {
                agent.destroyForcibly();
            }
        }
    }
}
