/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.support.RefusedPathException;
import org.novaagent.runtime.protocol.RequestCodec;
import org.novaagent.runtime.state.NtfsAclModel;
import org.novaagent.runtime.state.StateFiles;
import org.novaagent.runtime.state.WindowsStateFiles;
import org.novaagent.runtime.testing.FakeXenStore;
import org.novaagent.runtime.testing.FakeXenStoreClient;
import org.novaagent.runtime.testing.TestHandlers;
import org.novaagent.runtime.testing.TestRouters;
import org.novaagent.xenstore.XenStoreException;

/**
 * The request journal across restarts: a new {@link RequestProcessor} over the same root stands
 * for the agent after a restart (its memory is gone, the journal and XenStore are not).
 */
class RequestJournalTests {

    private static final String VERSION = "{\"name\":\"version\",\"value\":\"agent\"}";
    private static final byte[] VERSION_BYTES = VERSION.getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path root;

    private final FakeXenStore store = new FakeXenStore();
    private final TestHandlers handlers = new TestHandlers();
    private RequestProcessor processor;

    /** A fresh processor with the journal under {@link #root}: the agent (re)started. */
    private RequestProcessor restart() {
        if (processor != null) {
            processor.close();
        }
        processor = new RequestProcessor(new RequestCodec(), TestRouters.of(handlers.all(), root),
                name -> Duration.ofMillis(300), new CommandExecutor(Duration.ofMillis(200)),
                Optional.of(RequestJournal.under(root)));
        return processor;
    }

    @AfterEach
    void tearDown() {
        handlers.releaseStuck();
        if (processor != null) {
            processor.close();
        }
    }

    private RequestProcessor.Outcome process(String id) throws Exception {
        try (FakeXenStoreClient xs = store.connect()) {
            return processor.process(xs, id);
        }
    }

    private Path journalDir() {
        return root.resolve(RequestJournal.RELATIVE);
    }

    @Test
    void aRequestStartedAndAnsweredBeforeTheCrashIsAnsweredFromTheJournalWithoutRunning() throws Exception {
        // the agent died after recording the reply, before committing it
        store.hostWrite("data/host/r1", VERSION);
        RequestJournal.under(root).started("r1", VERSION_BYTES);
        RequestJournal.under(root).done("r1", VERSION_BYTES, "{\"returncode\":\"0\",\"message\":\"recorded\"}");
        restart();
        assertEquals(RequestProcessor.Outcome.ALREADY_ANSWERED, process("r1"));
        assertEquals(0, handlers.calls());
        assertEquals("{\"returncode\":\"0\",\"message\":\"recorded\"}", store.value("data/guest/r1").orElseThrow());
        assertEquals(Optional.empty(), store.value("data/host/r1"));
        assertEquals(List.of(), List.of(journalDir().toFile().list()), "record removed after the commit");
    }

    @Test
    void onAWindowsRootTheJournalLivesInAPrivateProgramDataDirectoryAndWorksTheSame() throws Exception {
        Files.createDirectories(root.resolve("Windows/System32"));
        NtfsAclModel acls = NtfsAclModel.englishServer(root);
        StateFiles state = WindowsStateFiles.under(root, acls.guard(NtfsAclModel.ENGLISH::get));
        store.hostWrite("data/host/r1", VERSION);
        RequestJournal.in(state).started("r1", VERSION_BYTES);
        RequestJournal.in(state).done("r1", VERSION_BYTES, "{\"returncode\":\"0\",\"message\":\"recorded\"}");
        Path requests = root.resolve("ProgramData/nova-agent/requests");
        assertEquals(List.of("r1"), List.of(requests.toFile().list()));
        assertEquals(List.of(NtfsAclModel.SYSTEM, NtfsAclModel.ADMINS), acls.view(requests.getParent()).getAcl().stream()
                .map(e -> e.principal().getName()).toList());
        processor = new RequestProcessor(new RequestCodec(), TestRouters.of(handlers.all(), root),
                name -> Duration.ofMillis(300), new CommandExecutor(Duration.ofMillis(200)),
                Optional.of(RequestJournal.in(state))); // the agent restarted
        assertEquals(RequestProcessor.Outcome.ALREADY_ANSWERED, process("r1"));
        assertEquals(0, handlers.calls(), "not run again");
        assertEquals("{\"returncode\":\"0\",\"message\":\"recorded\"}", store.value("data/guest/r1").orElseThrow());
        assertEquals(List.of(), List.of(requests.toFile().list()), "record removed after the commit");
        assertFalse(Files.exists(root.resolve(RequestJournal.RELATIVE)));
    }

    @Test
    void aRequestInterruptedWhileRunningIsAnsweredAsFailedAndNeverRunAgain() throws Exception {
        String reset = "{\"name\":\"resetnetwork\",\"value\":\"\"}";
        store.hostWrite("data/host/r1", reset);
        RequestJournal.under(root).started("r1", reset.getBytes(StandardCharsets.UTF_8));
        restart();
        assertEquals(RequestProcessor.Outcome.ANSWERED, process("r1"));
        assertEquals(0, handlers.calls());
        String reply = store.value("data/guest/r1").orElseThrow();
        assertTrue(reply.startsWith("{\"returncode\":\"1\",\"message\":\"Command 'resetnetwork' was interrupted"), reply);
        assertEquals(Optional.empty(), store.value("data/host/r1"));
    }

    @Test
    void aRecordOfAnotherRequestUnderTheSameIdIsIgnored() throws Exception {
        store.hostWrite("data/host/r1", VERSION);
        RequestJournal.under(root).started("r1", "{\"name\":\"password\"}".getBytes(StandardCharsets.UTF_8));
        restart();
        assertEquals(RequestProcessor.Outcome.ANSWERED, process("r1"));
        assertEquals(1, handlers.calls());
        assertEquals("{\"returncode\":\"0\",\"message\":\"9.8.7\"}", store.value("data/guest/r1").orElseThrow());
    }

    @Test
    void theRecordIsDurableBeforeTheCommandRunsAndGoneAfterTheCommit() throws Exception {
        String sleep = "{\"name\":\"sleep\",\"value\":\"150\"}";
        store.hostWrite("data/host/r1", sleep);
        store.injectFault("rm", "data/host/r1", FakeXenStore.Fault.BEFORE_APPLY);
        restart();
        byte[] bytes = sleep.getBytes(StandardCharsets.UTF_8);
        java.util.concurrent.CompletableFuture<Throwable> run = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                process("r1");
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Optional<RequestJournal.Entry> whileRunning = Optional.empty();
        while (whileRunning.isEmpty() && !run.isDone() && System.nanoTime() < deadline) {
            whileRunning = RequestJournal.under(root).find("r1", bytes);
        }
        assertEquals(RequestJournal.State.STARTED, whileRunning.orElseThrow().state(), "recorded before the command ran");
        assertTrue(run.get() instanceof XenStoreException, "the removal was lost: " + run.get());
        RequestJournal.Entry entry = RequestJournal.under(root).find("r1", bytes).orElseThrow();
        assertEquals(RequestJournal.State.DONE, entry.state());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(journalDir())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(journalDir().resolve("r1"))));
        restart(); // the agent was killed instead of reconnecting
        assertEquals(RequestProcessor.Outcome.ALREADY_ANSWERED, process("r1"));
        assertEquals(1, handlers.calls());
        assertEquals(1, store.count("write", "data/guest/r1"), "the reply was there: not written again");
        assertFalse(Files.exists(journalDir().resolve("r1")));
    }

    @Test
    void badRequestsAreNotJournaled() throws Exception {
        store.hostWrite("data/host/bad", "{\"name\": version}");
        restart();
        assertEquals(RequestProcessor.Outcome.ANSWERED, process("bad"));
        assertFalse(Files.exists(journalDir()), "nothing to record for a request that runs nothing");
    }

    @Test
    void withoutAWritableJournalTheCommandStillRuns() throws Exception {
        Files.createDirectories(root.resolve("var/lib"));
        Files.writeString(root.resolve("var/lib/nova-agent"), "not a directory");
        store.hostWrite("data/host/r1", VERSION);
        restart();
        assertEquals(RequestProcessor.Outcome.ANSWERED, process("r1"));
        assertEquals("{\"returncode\":\"0\",\"message\":\"9.8.7\"}", store.value("data/guest/r1").orElseThrow());
    }

    @Test
    void recordsOfRequestsThatAreGoneAreRemovedAtTheNextListing() throws Exception {
        RequestJournal journal = RequestJournal.under(root);
        journal.started("old", VERSION_BYTES);
        journal.started("kept", VERSION_BYTES);
        Files.writeString(journalDir().resolve(".tmp-x"), "half");
        // what a kill in the middle of a SafeFiles write leaves: its private staging directory
        Path staging = Files.createDirectory(journalDir().resolve(".nova-agent-0123456789abcdef"));
        Files.writeString(staging.resolve("new"), "nova-agent-request 1\nsha");
        assertEquals(2, journal.retainOnly(Set.of("kept")));
        assertEquals(List.of("kept"), List.of(journalDir().toFile().list()));
    }

    @Test
    void aLinkedJournalDirectoryIsRefusedAndNothingIsWrittenThroughIt(@TempDir Path elsewhere) throws Exception {
        // SafeFiles (issue #17): the journal, like every other file the agent writes, follows no link
        Files.createDirectories(root.resolve("var/lib/nova-agent"));
        Files.createSymbolicLink(journalDir(), elsewhere);
        RequestJournal journal = RequestJournal.under(root);
        assertThrows(RefusedPathException.class, () -> journal.started("r1", VERSION_BYTES));
        assertEquals(0, elsewhere.toFile().list().length);
        store.hostWrite("data/host/r1", VERSION);
        restart();
        assertEquals(RequestProcessor.Outcome.ANSWERED, process("r1"), "the command still runs, without a record");
        assertEquals(0, elsewhere.toFile().list().length);
    }

    @Test
    void aStateDirectoryOpenToOthersIsTightened() throws Exception {
        Files.createDirectories(root.resolve("var/lib/nova-agent"));
        Files.setPosixFilePermissions(root.resolve("var/lib/nova-agent"), PosixFilePermissions.fromString("rwxrwxrwx"));
        RequestJournal.under(root).started("r1", VERSION_BYTES);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("var/lib/nova-agent"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(journalDir())));
    }

    @Test
    void idsThatAreNotPlainFileNamesAreHashed() {
        assertEquals("0b7c3c34-a5e1-4b1e-9d3a-55c1f0e6b1a2", RequestJournal.fileName("0b7c3c34-a5e1-4b1e-9d3a-55c1f0e6b1a2"));
        for (String id : List.of("..", ".", "a/b", ".tmp-x", "x".repeat(200), "é")) {
            String name = RequestJournal.fileName(id);
            assertTrue(name.matches("x-[0-9a-f]{64}"), id + " -> " + name);
        }
    }

    /** The hand-written check accepts exactly what the pattern it replaced (issue #14) accepted. */
    @Test
    void plainIdsAreThoseOfTheFormerPattern() {
        java.util.regex.Pattern plain = java.util.regex.Pattern.compile("[A-Za-z0-9_@-][A-Za-z0-9_@.-]{0,127}");
        String alphabet = "aZ09_@-.é/ :\u0000+";
        java.util.Random random = new java.util.Random(14);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder id = new StringBuilder();
            int length = random.nextInt(4) == 0 ? 120 + random.nextInt(12) : random.nextInt(6);
            for (int i = 0; i < length; i++) {
                id.append(random.nextInt(3) == 0 ? alphabet.charAt(random.nextInt(alphabet.length())) : 'k');
            }
            String s = id.toString();
            assertEquals(plain.matcher(s).matches(), RequestJournal.fileName(s).equals(s), s);
        }
    }
}
