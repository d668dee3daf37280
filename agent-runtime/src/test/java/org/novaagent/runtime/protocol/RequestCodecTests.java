/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;

class RequestCodecTests {

    private final RequestCodec codec = new RequestCodec();

    private CommandRequest parse(String json) throws BadRequestException {
        return codec.parse("id-1", json.getBytes(StandardCharsets.UTF_8));
    }

    private String reject(byte[] raw) {
        return assertThrows(BadRequestException.class, () -> codec.parse("id-1", raw)).getMessage();
    }

    private String reject(String json) {
        return reject(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void stringValueIsTakenAsIs() throws Exception {
        CommandRequest r = parse("{\"name\": \"version\", \"value\": \"agent\"}");
        assertEquals(new CommandRequest("id-1", "version", "agent", false, "agent"), r);
        assertEquals("agent", r.json());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"name\":\"x\",\"value\":{\"a\": [1, 2], \"b\": null}}|{\"a\":[1,2],\"b\":null}",
        "{\"name\":\"x\",\"value\":[ \"p\" , true ]}|[\"p\",true]",
        "{\"name\":\"x\",\"value\":42}|42",
        "{\"name\":\"x\",\"value\":false}|false"})
    void nonStringValuesBecomeCompactJson(String json, String expected) throws Exception {
        CommandRequest r = parse(json);
        assertEquals(expected, r.value());
        assertTrue(r.valueIsJson());
    }

    @Test
    void theValueArrivesParsedInJavaBaseTypesUnmodifiableAndInOrder() throws Exception {
        CommandRequest r = parse("{\"name\":\"x\",\"value\":{\"z\": [1, 2.5, \"s\", true, null], \"a\": {\"n\": 12345678901}}}");
        Map<String, Object> object = r.jsonObject().orElseThrow();
        assertEquals(List.of("z", "a"), List.copyOf(object.keySet()), "members keep their order");
        assertEquals(Arrays.asList(1, 2.5, "s", true, null), object.get("z"));
        assertEquals(Map.of("n", 12345678901L), object.get("a"));
        assertThrows(UnsupportedOperationException.class, () -> object.put("b", "x"));
        assertThrows(UnsupportedOperationException.class, () -> ((List<?>) object.get("z")).clear());
        assertEquals(42, parse("{\"name\":\"x\",\"value\":42}").json());
        assertEquals(List.of("p", true), parse("{\"name\":\"x\",\"value\":[\"p\",true]}").json());
        assertEquals(Optional.empty(), parse("{\"name\":\"x\",\"value\":\"{}\"}").jsonObject(),
                "a string that looks like JSON stays a string");
        assertNull(parse("{\"name\":\"x\",\"value\":null}").json());
        assertNull(parse("{\"name\":\"x\"}").json());
    }

    @Test
    void duplicateMembersInsideTheValueAreRejectedToo() {
        assertEquals("Request is malformed: not valid JSON", reject("{\"name\":\"x\",\"value\":{\"a\":1,\"a\":2}}"));
    }

    @Test
    void missingOrNullValueIsEmpty() throws Exception {
        assertEquals("", parse("{\"name\":\"features\"}").value());
        CommandRequest r = parse("{\"name\":\"features\",\"value\":null}");
        assertEquals("", r.value());
        assertFalse(r.valueIsJson());
    }

    @Test
    void unicodeSurvives() throws Exception {
        assertEquals("pässwörd ✓", parse("{\"name\":\"x\",\"value\":\"pässwörd \\u2713\"}").value());
    }

    @Test
    void rejectsWhatIsNotJson() {
        assertEquals("Request is malformed: not valid JSON", reject("{\"name\": \"version\""));
        assertEquals("Request is malformed: not valid JSON", reject(""));
        assertEquals("Request is malformed: not valid JSON", reject("{\"name\":\"a\"} trailing"));
        assertEquals("Request is malformed: not valid JSON", reject("{\"name\":\"a\",\"name\":\"b\"}"));
    }

    @Test
    void rejectsJsonThatIsNotAnObject() {
        assertEquals("Request is malformed: not a JSON object", reject("[\"version\"]"));
        assertEquals("Request is malformed: not a JSON object", reject("\"version\""));
    }

    @Test
    void rejectsABadName() {
        assertEquals("Request is missing 'name' key", reject("{\"value\":\"agent\"}"));
        assertEquals("Request is missing 'name' key", reject("{\"name\":null}"));
        assertEquals("Request 'name' is not a string", reject("{\"name\":7}"));
        assertEquals("Request 'name' is blank", reject("{\"name\":\"  \"}"));
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] raw = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertEquals("Request is not valid UTF-8", reject(raw));
        // a CESU-8 encoded surrogate is not UTF-8 either
        byte[] surrogate = {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'};
        assertEquals("Request is not valid UTF-8", reject(surrogate));
    }

    @Test
    void rejectsOversizedRequests() {
        String big = "{\"name\":\"x\",\"value\":\"" + "a".repeat(RequestCodec.MAX_REQUEST_BYTES) + "\"}";
        assertEquals("Request too large (" + big.length() + " bytes, limit 4096)", reject(big));
    }

    @Test
    void acceptsARequestOfExactlyTheLimit() throws Exception {
        String head = "{\"name\":\"x\",\"value\":\"";
        String json = head + "a".repeat(RequestCodec.MAX_REQUEST_BYTES - head.length() - 2) + "\"}";
        assertEquals(RequestCodec.MAX_REQUEST_BYTES, json.length());
        assertEquals(RequestCodec.MAX_REQUEST_BYTES - head.length() - 2, parse(json).value().length());
    }

    @Test
    void encodesRepliesCompactlyWithStringCodes() {
        assertEquals("{\"returncode\":\"0\",\"message\":\"1.2.3\"}",
                codec.encodeReply(CommandResult.ok("1.2.3")));
        assertEquals("{\"returncode\":\"500\",\"message\":\"a \\\"quoted\\\"\\nline\"}",
                codec.encodeReply(CommandResult.of("500", "a \"quoted\"\nline")));
    }

    @Test
    void truncatesLongMessagesToFitTheLimit() {
        String reply = codec.encodeReply(CommandResult.of("0", "é".repeat(5000)));
        int bytes = reply.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes <= RequestCodec.MAX_REPLY_BYTES, "reply has " + bytes + " bytes");
        assertTrue(bytes > RequestCodec.MAX_REPLY_BYTES - 4, "cut too much: " + bytes);
        assertTrue(reply.endsWith(RequestCodec.TRUNCATION_MARKER + "\"}"), reply);
    }

    @Test
    void truncationCountsEscapesAndKeepsSurrogatePairsWhole() throws Exception {
        String emoji = "\uD83D\uDE00";
        for (int shift = 0; shift < 4; shift++) {
            String original = "x".repeat(shift) + (emoji + "\u0001").repeat(2000);
            String reply = codec.encodeReply(CommandResult.of("0", original));
            assertTrue(reply.getBytes(StandardCharsets.UTF_8).length <= RequestCodec.MAX_REPLY_BYTES);
            String message = new ObjectMapper().readTree(reply).get("message").textValue();
            assertTrue(message.endsWith(RequestCodec.TRUNCATION_MARKER));
            String body = message.substring(0, message.length() - RequestCodec.TRUNCATION_MARKER.length());
            assertFalse(Character.isHighSurrogate(body.charAt(body.length() - 1)), "split surrogate pair");
            assertTrue(original.startsWith(body));
        }
    }
}
