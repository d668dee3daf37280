/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.runtime.AgentAssembly;
import org.novaagent.runtime.builtin.AgentVersion;
import org.novaagent.runtime.config.AgentConfig;
import org.novaagent.runtime.history.HistoryEntry;
import org.novaagent.runtime.history.RequestHistory;
import org.novaagent.runtime.winservice.nativeapi.ServiceDispatcher;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreConnector;
import org.novaagent.xenstore.sim.EmbeddedXenStore;

/**
 * What {@code agent service run} hands the dispatcher: the real XenStore loop over a Windows-shaped
 * root, against the embedded XenStore. RUNNING is reported only once the loop is ready, requests
 * are answered while it runs and recorded in the request history ({@code status}, {@code doctor}), and
 * the stop control ends it with exit code 0.
 */
class ServiceRunBodyTests {

    @TempDir
    Path dir;

    @Test
    void readyReportsRunningRequestsAreAnsweredAndStopEndsTheLoop() throws Exception {
        Path root = Files.createDirectories(dir.resolve("winroot/Windows/System32")).getParent().getParent();
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        try (EmbeddedXenStore store = EmbeddedXenStore.start(dir.resolve("xs.sock"));
             XenStoreClient host = XenStoreConnector.openSocket(store.socketPath())) {
            AgentConfig cfg = AgentConfig.defaults().with("xenstore.path", store.socketPath().toString());
            AgentAssembly agent = AgentAssembly.build(root, plugins, cfg, true, List.of());
            assertTrue(agent.hostFacts().isWindows());
            ServiceDispatcher.Body body = ServiceRunCommand.body(agent);
            CountDownLatch running = new CountDownLatch(1);
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> body.run(running::countDown));
            assertTrue(running.await(20, TimeUnit.SECONDS), "RUNNING never reported");
            host.write("data/host/svc-1", "{\"name\":\"version\",\"value\":\"\"}");
            Optional<String> reply = Optional.empty();
            for (int i = 0; i < 200 && reply.isEmpty(); i++) {
                reply = host.read("data/guest/svc-1");
                Thread.sleep(50);
            }
            assertTrue(reply.orElse("").contains("\"returncode\":\"0\""), reply.toString());
            body.stop();
            assertEquals(ExitCodes.OK, exit.get(20, TimeUnit.SECONDS));
            // recorded like `run` does: what `status` and `doctor` read for this root
            List<HistoryEntry> history = RequestHistory.at(root).last(10);
            assertEquals(List.of("svc-1 version 0"), history.stream()
                    .map(e -> e.id() + " " + e.command() + " " + e.returnCode()).toList());
            assertEquals(AgentVersion.get(), history.get(0).message());
            assertTrue(StatusCommand.table(history).contains("version"), StatusCommand.table(history));
        }
    }

    @Test
    void aStopBeforeTheLoopStartsEndsItAtOnce() throws Exception {
        Path root = Files.createDirectories(dir.resolve("winroot/Windows/System32")).getParent().getParent();
        AgentConfig cfg = AgentConfig.defaults().with("xenstore.path", dir.resolve("no-socket").toString());
        ServiceDispatcher.Body body = ServiceRunCommand.body(
                AgentAssembly.build(root, Files.createDirectories(dir.resolve("plugins")), cfg, true, List.of()));
        body.stop();
        assertEquals(ExitCodes.OK, body.run(() -> { }));
    }
}
