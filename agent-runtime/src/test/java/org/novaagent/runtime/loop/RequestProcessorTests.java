/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.runtime.protocol.RequestCodec;
import org.novaagent.runtime.testing.FakeXenStore;
import org.novaagent.runtime.testing.FakeXenStoreClient;
import org.novaagent.runtime.testing.TestHandlers;
import org.novaagent.runtime.testing.TestRouters;
import org.novaagent.xenstore.XenStoreException;

class RequestProcessorTests {

    @TempDir
    Path root;

    private final FakeXenStore store = new FakeXenStore();
    private final TestHandlers handlers = new TestHandlers();
    private RequestProcessor processor;

    private RequestProcessor processor() {
        processor = new RequestProcessor(new RequestCodec(), TestRouters.of(handlers.all(), root),
                name -> Duration.ofMillis(300), new CommandExecutor(Duration.ofMillis(200)));
        return processor;
    }

    @AfterEach
    void tearDown() {
        handlers.releaseStuck();
        if (processor != null) {
            processor.close();
        }
    }

    private String answer(String request) throws Exception {
        store.hostWrite("data/host/r1", request);
        try (FakeXenStoreClient xs = store.connect()) {
            assertEquals(RequestProcessor.Outcome.ANSWERED, processor().process(xs, "r1"));
        }
        assertEquals(Optional.empty(), store.value("data/host/r1"), "request not removed");
        return store.value("data/guest/r1").orElseThrow();
    }

    @Test
    void answersThenRemovesTheRequest() throws Exception {
        assertEquals("{\"returncode\":\"0\",\"message\":\"9.8.7\"}",
                answer("{\"name\":\"version\",\"value\":\"agent\"}"));
        List<String> ops = store.operations();
        int write = ops.indexOf("write /local/domain/7/data/guest/r1");
        int rm = ops.indexOf("rm /local/domain/7/data/host/r1");
        assertTrue(write >= 0 && rm > write, "respond-then-delete violated: " + ops);
    }

    @Test
    void unknownCommandsGet404() throws Exception {
        assertEquals("{\"returncode\":\"404\",\"message\":\"No such agent command 'agentupdate'\"}",
                answer("{\"name\":\"agentupdate\",\"value\":\"http://x,abc\"}"));
    }

    @Test
    void badRequestsGet500SayingWhy() throws Exception {
        assertEquals("{\"returncode\":\"500\",\"message\":\"Request is malformed: not valid JSON\"}",
                answer("{\"name\": version}"));
        assertEquals("{\"returncode\":\"500\",\"message\":\"Request is missing 'name' key\"}",
                answer("{\"value\":\"agent\"}"));
        assertEquals(0, handlers.calls());
    }

    @Test
    void invalidUtf8AndOversizedRequestsGet500() throws Exception {
        store.hostWriteBytes("data/host/u", new byte[] {'{', (byte) 0xFF, '}'});
        String big = "{\"name\":\"version\",\"value\":\"" + "x".repeat(5000) + "\"}";
        store.hostWrite("data/host/big", big);
        try (FakeXenStoreClient xs = store.connect()) {
            processor().process(xs, "u");
            processor.process(xs, "big");
        }
        assertEquals("{\"returncode\":\"500\",\"message\":\"Request is not valid UTF-8\"}",
                store.value("data/guest/u").orElseThrow());
        assertTrue(store.value("data/guest/big").orElseThrow().contains("Request too large (" + big.length() + " bytes"));
        assertEquals(List.of(), store.children("data/host"));
    }

    @Test
    void aThrowingHandlerGets500AndTheLoopGoesOn() throws Exception {
        assertEquals("{\"returncode\":\"500\",\"message\":\"Internal error in command 'boom'\"}",
                answer("{\"name\":\"boom\"}"));
    }

    @Test
    void handlersReadXenStoreThroughTheirView() throws Exception {
        store.hostWrite("vm-data/hostname", "guest-1");
        assertEquals("{\"returncode\":\"0\",\"message\":\"guest-1\"}",
                answer("{\"name\":\"readkey\",\"value\":\"vm-data/hostname\"}"));
    }

    @Test
    void aStuckHandlerTimesOutAndTheNextRequestIsAnswered() throws Exception {
        store.hostWrite("data/host/a", "{\"name\":\"stuck\"}");
        store.hostWrite("data/host/b", "{\"name\":\"version\"}");
        try (FakeXenStoreClient xs = store.connect()) {
            processor().process(xs, "a");
            processor.process(xs, "b");
        }
        assertEquals("{\"returncode\":\"500\",\"message\":\"Command 'stuck' timed out after 0.3s\"}",
                store.value("data/guest/a").orElseThrow());
        assertEquals("{\"returncode\":\"0\",\"message\":\"9.8.7\"}", store.value("data/guest/b").orElseThrow());
    }

    @Test
    void aVanishedRequestIsSkipped() throws Exception {
        try (FakeXenStoreClient xs = store.connect()) {
            assertEquals(RequestProcessor.Outcome.GONE, processor().process(xs, "nope"));
        }
        assertEquals(List.of(), store.children("data/guest"));
    }

    @Test
    void whenTheRemovalIsLostOnlyTheRemovalIsRetried() throws Exception {
        store.hostWrite("data/host/r1", "{\"name\":\"version\"}");
        store.injectFault("rm", "data/host/r1", FakeXenStore.Fault.BEFORE_APPLY);
        processor();
        try (FakeXenStoreClient xs = store.connect()) {
            assertThrows(XenStoreException.class, () -> processor.process(xs, "r1"));
        }
        assertEquals(List.of("r1"), List.copyOf(processor.pendingIds()));
        try (FakeXenStoreClient xs = store.connect()) {
            assertEquals(RequestProcessor.Outcome.ALREADY_ANSWERED, processor.process(xs, "r1"));
        }
        assertEquals(1, handlers.calls());
        assertEquals(1, store.count("write", "data/guest/r1"));
        assertEquals(Optional.empty(), store.value("data/host/r1"));
        assertTrue(processor.pendingIds().isEmpty());
    }

    @Test
    void aReplyLostInTransitIsRewrittenWithoutRunningTheCommandAgain() throws Exception {
        store.hostWrite("data/host/r1", "{\"name\":\"version\"}");
        store.injectFault("write", "data/guest/r1", FakeXenStore.Fault.BEFORE_APPLY);
        processor();
        try (FakeXenStoreClient xs = store.connect()) {
            assertThrows(XenStoreException.class, () -> processor.process(xs, "r1"));
        }
        assertEquals(Optional.empty(), store.value("data/guest/r1"));
        try (FakeXenStoreClient xs = store.connect()) {
            assertEquals(RequestProcessor.Outcome.ALREADY_ANSWERED, processor.process(xs, "r1"));
        }
        assertEquals(1, handlers.calls());
        assertEquals("{\"returncode\":\"0\",\"message\":\"9.8.7\"}", store.value("data/guest/r1").orElseThrow());
        assertEquals(Optional.empty(), store.value("data/host/r1"));
    }

    @Test
    void aReplyWrittenBeforeTheConnectionBrokeIsNotWrittenTwice() throws Exception {
        store.hostWrite("data/host/r1", "{\"name\":\"version\"}");
        store.injectFault("write", "data/guest/r1", FakeXenStore.Fault.AFTER_APPLY);
        processor();
        try (FakeXenStoreClient xs = store.connect()) {
            assertThrows(XenStoreException.class, () -> processor.process(xs, "r1"));
        }
        try (FakeXenStoreClient xs = store.connect()) {
            assertEquals(RequestProcessor.Outcome.ALREADY_ANSWERED, processor.process(xs, "r1"));
        }
        assertEquals(1, store.count("write", "data/guest/r1"));
        assertEquals(1, handlers.calls());
    }

    /** The memory of answered ids is bounded (the soak's live heap grew with it, issue #17): the oldest go first. */
    @Test
    void theMemoryOfAnsweredIdsIsBoundedOldestFirst() throws Exception {
        answer("{\"name\":\"version\"}"); // r1
        try (FakeXenStoreClient xs = store.connect()) {
            for (int i = 0; i < RequestProcessor.REMEMBERED_IDS; i++) {
                store.hostWrite("data/host/n" + i, "{\"name\":\"version\"}");
                assertEquals(RequestProcessor.Outcome.ANSWERED, processor.process(xs, "n" + i));
            }
            int last = RequestProcessor.REMEMBERED_IDS - 1;
            store.hostWrite("data/host/n" + last, "{\"name\":\"version\"}");
            assertEquals(RequestProcessor.Outcome.ALREADY_ANSWERED, processor.process(xs, "n" + last), "recent: remembered");
            store.hostWrite("data/host/r1", "{\"name\":\"version\"}");
            assertEquals(RequestProcessor.Outcome.ANSWERED, processor.process(xs, "r1"), "oldest: forgotten, a new request");
        }
        assertEquals(RequestProcessor.REMEMBERED_IDS + 2, handlers.calls());
    }

    @Test
    void anIdAnsweredInThisRunIsNeverAnsweredAgain() throws Exception {
        answer("{\"name\":\"version\"}");
        store.hostWrite("data/host/r1", "{\"name\":\"version\"}");
        try (FakeXenStoreClient xs = store.connect()) {
            assertEquals(RequestProcessor.Outcome.ALREADY_ANSWERED, processor.process(xs, "r1"));
        }
        assertEquals(1, store.count("write", "data/guest/r1"));
        assertEquals(Optional.empty(), store.value("data/host/r1"));
    }

    @Test
    void repliesAreUtf8() throws Exception {
        store.hostWrite("vm-data/hostname", "hôte");
        String reply = answer("{\"name\":\"readkey\",\"value\":\"vm-data/hostname\"}");
        assertEquals("{\"returncode\":\"0\",\"message\":\"hôte\"}", reply);
        assertEquals(reply.getBytes(StandardCharsets.UTF_8).length, reply.length() + 1);
    }
}
