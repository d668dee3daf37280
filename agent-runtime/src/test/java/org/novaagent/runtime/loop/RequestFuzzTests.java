/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.runtime.protocol.RequestCodec;
import org.novaagent.runtime.testing.FakeXenStore;
import org.novaagent.runtime.testing.FakeXenStoreClient;
import org.novaagent.runtime.testing.TestHandlers;
import org.novaagent.runtime.testing.TestRouters;

/**
 * Property (issue #17, fuzzing): any byte string written as a request gets exactly one reply, a
 * compact JSON object with a string {@code returncode} and a string {@code message}, the request
 * is removed, and nothing escapes {@link RequestProcessor#process}. Generated with a seeded
 * {@link Random} (the seed is in every failure message): raw random bytes, valid requests with
 * single-byte mutations, truncations and splices, JSON of every shape and depth, and hostile
 * strings (NUL, lone surrogates as CESU/modified UTF-8, overlong encodings, BOMs).
 */
class RequestFuzzTests {

    private static final int CASES = 2000;
    private static final long SEED = Long.getLong("fuzz.seed", 20261202L);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> VALID = List.of(
            "{\"name\":\"version\",\"value\":\"agent\"}", "{\"name\":\"readkey\",\"value\":\"vm-data/hostname\"}",
            "{\"name\":\"features\"}", "{\"name\":\"boom\",\"value\":{\"a\":[1,2,{\"b\":null}]}}",
            "{\"name\":\"sleep\",\"value\":\"1\"}", "{\"name\":\"agentupdate\",\"value\":\"http://x,abc\"}");
    private static final byte[][] HOSTILE = {
        {0}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF}, "\\u0000".getBytes(StandardCharsets.US_ASCII),
        "\\ud800".getBytes(StandardCharsets.US_ASCII), "\u2028".getBytes(StandardCharsets.UTF_8), "\"".getBytes(StandardCharsets.UTF_8)};

    @TempDir
    Path root;

    private final TestHandlers handlers = new TestHandlers();
    private RequestProcessor processor;

    @AfterEach
    void tearDown() {
        handlers.releaseStuck();
        if (processor != null) {
            processor.close();
        }
    }

    @Test
    void everyByteStringGetsOneWellFormedReplyAndTheRequestIsRemoved() throws Exception {
        FakeXenStore store = new FakeXenStore();
        store.hostWrite("vm-data/hostname", "fuzz");
        processor = new RequestProcessor(new RequestCodec(), TestRouters.of(handlers.all(), root),
                name -> Duration.ofMillis(500), new CommandExecutor(Duration.ofMillis(200)));
        Random random = new Random(SEED);
        try (FakeXenStoreClient xs = store.connect()) {
            for (int i = 0; i < CASES; i++) {
                byte[] request = generate(random);
                String id = "f" + i;
                String what = "seed " + SEED + " case " + i + ": " + printable(request);
                store.hostWriteBytes("data/host/" + id, request);
                RequestProcessor.Outcome outcome;
                try {
                    outcome = processor.process(xs, id);
                } catch (Exception | Error e) {
                    throw new AssertionError("escaped the loop: " + what, e);
                }
                assertEquals(RequestProcessor.Outcome.ANSWERED, outcome, what);
                assertEquals(Optional.empty(), store.value("data/host/" + id), "request left: " + what);
                assertEquals(1, store.count("write", "data/guest/" + id), what);
                String reply = store.value("data/guest/" + id).orElseThrow();
                JsonNode node = JSON.readTree(reply);
                assertTrue(node.isObject() && node.size() == 2 && node.get("returncode").isTextual()
                        && node.get("message").isTextual(), reply + " for " + what);
                assertTrue(reply.getBytes(StandardCharsets.UTF_8).length <= 3840, what);
                store.hostRm("data/guest/" + id);
            }
        }
        assertTrue(handlers.calls() > CASES / 20, "the generator reaches the handlers too: " + handlers.calls());
    }

    private static byte[] generate(Random r) {
        byte[] base = VALID.get(r.nextInt(VALID.size())).getBytes(StandardCharsets.UTF_8);
        switch (r.nextInt(8)) {
            case 0: {
                byte[] b = new byte[r.nextInt(64)];
                r.nextBytes(b);
                return b;
            }
            case 1: {
                byte[] b = base.clone();
                for (int k = 1 + r.nextInt(3); k > 0; k--) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
                return b;
            }
            case 2:
                return java.util.Arrays.copyOf(base, r.nextInt(base.length + 1));
            case 3: {
                byte[] hostile = HOSTILE[r.nextInt(HOSTILE.length)];
                int at = r.nextInt(base.length + 1);
                byte[] b = new byte[base.length + hostile.length];
                System.arraycopy(base, 0, b, 0, at);
                System.arraycopy(hostile, 0, b, at, hostile.length);
                System.arraycopy(base, at, b, at + hostile.length, base.length - at);
                return b;
            }
            case 4:
                return ("{\"name\":" + randomJson(r, 0) + ",\"value\":" + randomJson(r, 0) + "}").getBytes(StandardCharsets.UTF_8);
            case 5:
                return randomJson(r, 0).getBytes(StandardCharsets.UTF_8);
            case 6:
                return ("{\"name\":\"" + List.of("version", "readkey", "features", "boom").get(r.nextInt(4))
                        + "\",\"value\":" + randomJson(r, 0) + "}").getBytes(StandardCharsets.UTF_8);
            default: {
                int depth = r.nextInt(3000);
                return ("[".repeat(depth) + "]".repeat(r.nextBoolean() ? depth : depth / 2)).getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    private static String randomJson(Random r, int depth) {
        int kind = depth > 4 ? r.nextInt(5) : r.nextInt(7);
        switch (kind) {
            case 0: return "null";
            case 1: return Boolean.toString(r.nextBoolean());
            case 2: return r.nextBoolean() ? Long.toString(r.nextLong()) : Double.toString(r.nextGaussian() * 1e300);
            case 3: return "\"" + List.of("version", "features", "readkey", "sleep", "", " ", "VERSION", "\\u0000").get(r.nextInt(8)) + "\"";
            case 4: {
                StringBuilder sb = new StringBuilder("\"");
                for (int k = r.nextInt(20); k > 0; k--) {
                    sb.append(String.format("\\u%04x", r.nextInt(0x10000)));
                }
                return sb.append('"').toString();
            }
            case 5: {
                List<String> items = new ArrayList<>();
                for (int k = r.nextInt(4); k > 0; k--) {
                    items.add(randomJson(r, depth + 1));
                }
                return "[" + String.join(",", items) + "]";
            }
            default: {
                List<String> members = new ArrayList<>();
                for (int k = r.nextInt(4); k > 0; k--) {
                    members.add("\"" + List.of("name", "value", "x", "name").get(r.nextInt(4)) + "\":" + randomJson(r, depth + 1));
                }
                return "{" + String.join(",", members) + "}";
            }
        }
    }

    private static String printable(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(b.length, 200); i++) {
            int c = b[i] & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return b.length > 200 ? sb + "... (" + b.length + " bytes)" : sb.toString();
    }
}
