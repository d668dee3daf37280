/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.util.EnumSet;
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
import org.novaagent.runtime.state.NtfsAclModel;
import org.novaagent.runtime.state.StateFiles;
import org.novaagent.runtime.state.WindowsStateFiles;
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
            // recorded like `run` does, in the Windows state directory: what `status` and `doctor` read for this root
            List<HistoryEntry> history = RequestHistory.forHost(root, agent.hostFacts()).last(10);
            assertTrue(Files.isRegularFile(root.resolve("ProgramData/nova-agent/history")));
            assertTrue(Files.isDirectory(root.resolve("ProgramData/nova-agent/requests")), "the journal was written");
            assertEquals(List.of(), Files.list(root.resolve("ProgramData/nova-agent/requests")).toList(),
                    "and its record removed once the reply was committed");
            assertFalse(Files.exists(root.resolve("var/lib/nova-agent")), "nothing in the POSIX state directory");
            assertEquals(List.of("svc-1 version 0"), history.stream()
                    .map(e -> e.id() + " " + e.command() + " " + e.returnCode()).toList());
            assertEquals(AgentVersion.get(), history.get(0).message());
            assertTrue(StatusCommand.table(history).contains("version"), StatusCommand.table(history));
        }
    }

    @Test
    void overANtfsAclModelTheServiceWritesHistoryAndJournalIntoAPrivateDirectory() throws Exception {
        Path root = Files.createDirectories(dir.resolve("winroot/Windows/System32")).getParent().getParent();
        NtfsAclModel acls = NtfsAclModel.englishServer(root);
        StateFiles state = WindowsStateFiles.under(root, acls.guard(NtfsAclModel.ENGLISH::get));
        String stderr = answerOneVersionRequest(root, state);
        Path nova = root.resolve("ProgramData/nova-agent");
        assertEquals(List.of(NtfsAclModel.SYSTEM, NtfsAclModel.ADMINS), acls.view(nova).getAcl().stream()
                .map(e -> e.principal().getName()).toList(), "private DACL, nothing from ProgramData");
        assertEquals(List.of("svc-2 version 0"), RequestHistory.in(state, RequestHistory.DEFAULT_LIMIT).last(5).stream()
                .map(e -> e.id() + " " + e.command() + " " + e.returnCode()).toList());
        assertTrue(Files.isDirectory(nova.resolve("requests")), "the journal was written there");
        assertFalse(stderr.contains("not written"), stderr);
    }

    @Test
    void whenUsersMayWriteTheStateDirectoryTheServiceAnswersButWritesNothingAndSaysWhy() throws Exception {
        Path root = Files.createDirectories(dir.resolve("winroot/Windows/System32")).getParent().getParent();
        NtfsAclModel acls = NtfsAclModel.englishServer(root);
        StateFiles state = WindowsStateFiles.under(root, acls.guard(NtfsAclModel.ENGLISH::get));
        state.write("history", new byte[0]);
        Path nova = root.resolve("ProgramData/nova-agent");
        acls.grant(nova, NtfsAclModel.entry(NtfsAclModel.USERS, EnumSet.of(AclEntryPermission.WRITE_DATA,
                AclEntryPermission.APPEND_DATA), AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT));
        String stderr = answerOneVersionRequest(root, state);
        assertEquals("", Files.readString(nova.resolve("history")), "no history written");
        assertFalse(Files.exists(nova.resolve("requests")), "no journal written");
        assertTrue(stderr.contains("request svc-2: cannot record it in the journal " + nova.resolve("requests")
                + " (state directory " + nova + " is not private to the agent"), stderr);
        assertTrue(stderr.contains("request history " + nova.resolve("history") + " not written: state directory " + nova
                + " is not private to the agent, nothing written or read: state directory " + nova
                + " lets BUILTIN\\Users change it [append_data, write_data]; fix: icacls"), stderr);
    }

    /** Runs the service body over {@code state}, asks {@code version} once, stops it; returns what it logged. */
    private String answerOneVersionRequest(Path root, StateFiles state) throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (EmbeddedXenStore store = EmbeddedXenStore.start(dir.resolve("xs2.sock"));
             XenStoreClient host = XenStoreConnector.openSocket(store.socketPath())) {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            AgentConfig cfg = AgentConfig.defaults().with("xenstore.path", store.socketPath().toString());
            AgentAssembly agent = AgentAssembly.build(root, Files.createDirectories(dir.resolve("plugins")), cfg, true, List.of());
            ServiceDispatcher.Body body = ServiceRunCommand.body(agent, state);
            CountDownLatch running = new CountDownLatch(1);
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> body.run(running::countDown));
            assertTrue(running.await(20, TimeUnit.SECONDS), "RUNNING never reported");
            host.write("data/host/svc-2", "{\"name\":\"version\",\"value\":\"\"}");
            Optional<String> reply = Optional.empty();
            for (int i = 0; i < 200 && reply.isEmpty(); i++) {
                reply = host.read("data/guest/svc-2");
                Thread.sleep(50);
            }
            assertTrue(reply.orElse("").contains("\"returncode\":\"0\""), reply + "\n" + log);
            body.stop();
            assertEquals(ExitCodes.OK, exit.get(20, TimeUnit.SECONDS));
        } finally {
            System.setErr(err);
        }
        return log.toString(StandardCharsets.UTF_8);
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
