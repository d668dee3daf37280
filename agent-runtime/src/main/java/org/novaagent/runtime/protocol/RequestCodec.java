/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;

/**
 * The wire format of the message loop, and the only class of the loop that touches Jackson: parses
 * the raw bytes of {@code data/host/<id>} into a {@link CommandRequest} (the value both as text and
 * already parsed into {@code java.base} types, so plugins never parse JSON) and encodes a
 * {@link CommandResult} as the compact {@code {"returncode":"..","message":".."}} reply.
 */
public final class RequestCodec {

    /** The largest request accepted, in bytes (XenStore's payload limit). */
    public static final int MAX_REQUEST_BYTES = 4096;

    /**
     * The largest reply written, in bytes. Below XenStore's 4096-byte payload limit because the
     * WRITE payload also carries the absolute path {@code /local/domain/<domid>/data/guest/<id>}.
     */
    public static final int MAX_REPLY_BYTES = 3840;

    /** Appended to a message cut to fit {@link #MAX_REPLY_BYTES}. */
    public static final String TRUNCATION_MARKER = " [truncated]";

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * Parses one request.
     *
     * @param id  the request id (the key name under {@code data/host})
     * @param raw the raw value of the key
     * @return the request, never {@code null}
     * @throws BadRequestException with a host-safe message when the request is not acceptable
     */
    public CommandRequest parse(String id, byte[] raw) throws BadRequestException {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(raw, "raw");
        if (raw.length > MAX_REQUEST_BYTES) {
            throw new BadRequestException("Request too large (" + raw.length + " bytes, limit "
                    + MAX_REQUEST_BYTES + ")");
        }
        String text = decodeStrictUtf8(raw);
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("Request is malformed: not valid JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw new BadRequestException("Request is malformed: not valid JSON");
        }
        if (!root.isObject()) {
            throw new BadRequestException("Request is malformed: not a JSON object");
        }
        ObjectNode object = (ObjectNode) root;
        JsonNode name = object.get("name");
        if (name == null || name.isNull()) {
            throw new BadRequestException("Request is missing 'name' key");
        }
        if (!name.isTextual()) {
            throw new BadRequestException("Request 'name' is not a string");
        }
        if (name.textValue().isBlank()) {
            throw new BadRequestException("Request 'name' is blank");
        }
        JsonNode value = object.get("value");
        if (value == null || value.isNull()) {
            return new CommandRequest(id, name.textValue(), "", false, null);
        }
        if (value.isTextual()) {
            return CommandRequest.of(id, name.textValue(), value.textValue());
        }
        return new CommandRequest(id, name.textValue(), compact(value), true, plain(value));
    }

    /**
     * Builds a request given on the command line ({@code agent call}) the way the host would have
     * written it, and parses it with {@link #parse}: the same limits and the same value handling.
     *
     * @param id          the request id
     * @param name        the command name
     * @param value       the value: a plain string, or JSON text when {@code valueIsJson}
     * @param valueIsJson whether {@code value} is JSON text (an object for {@code file_inject}, say)
     * @return the request
     * @throws BadRequestException when the JSON text is invalid or the request breaks a limit
     */
    public CommandRequest localRequest(String id, String name, String value, boolean valueIsJson)
            throws BadRequestException {
        ObjectNode message = mapper.createObjectNode();
        message.put("name", name);
        if (valueIsJson) {
            JsonNode parsed;
            try {
                parsed = mapper.readTree(value);
            } catch (JsonProcessingException e) {
                throw new BadRequestException("the value is not valid JSON: " + e.getOriginalMessage());
            }
            if (parsed == null || parsed.isMissingNode()) {
                throw new BadRequestException("the value is not valid JSON: empty");
            }
            message.set("value", parsed);
        } else {
            message.put("value", value);
        }
        return parse(id, compact(message).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Encodes a reply, cutting the message (at a character boundary, with
     * {@link #TRUNCATION_MARKER}) so that the UTF-8 encoding fits {@link #MAX_REPLY_BYTES}.
     *
     * @param result the result
     * @return the compact JSON text
     */
    public String encodeReply(CommandResult result) {
        String full = encode(result.returnCode(), result.message());
        if (utf8Length(full) <= MAX_REPLY_BYTES) {
            return full;
        }
        String message = result.message();
        int low = 0;
        int high = message.length();
        String best = encode(result.returnCode(), TRUNCATION_MARKER);
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int cut = mid;
            if (cut > 0 && cut < message.length() && Character.isHighSurrogate(message.charAt(cut - 1))) {
                cut--;
            }
            String candidate = encode(result.returnCode(), message.substring(0, cut) + TRUNCATION_MARKER);
            if (utf8Length(candidate) <= MAX_REPLY_BYTES) {
                best = candidate;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return best;
    }

    private String encode(String returnCode, String message) {
        ObjectNode node = mapper.createObjectNode();
        node.put("returncode", returnCode);
        node.put("message", message);
        return compact(node);
    }

    private String compact(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    /**
     * The value in {@code java.base} types for {@link CommandRequest#json()}: Jackson's own
     * untyped mapping ({@code LinkedHashMap}, {@code ArrayList}, {@code String}, {@code Integer}/
     * {@code Long}/{@code BigInteger}, {@code Double}, {@code Boolean}, {@code null}), so the value
     * is parsed once, here, and never again by a plugin.
     */
    private Object plain(JsonNode value) {
        return mapper.convertValue(value, Object.class);
    }

    private static String decodeStrictUtf8(byte[] raw) throws BadRequestException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestException("Request is not valid UTF-8");
        }
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
