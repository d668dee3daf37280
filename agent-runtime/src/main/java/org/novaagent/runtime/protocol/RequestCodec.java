/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
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
        Object root;
        try {
            root = StreamingJson.read(text);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("Request is malformed: not valid JSON");
        }
        if (root == StreamingJson.NOTHING) {
            throw new BadRequestException("Request is malformed: not valid JSON");
        }
        if (!(root instanceof Map<?, ?> object)) {
            throw new BadRequestException("Request is malformed: not a JSON object");
        }
        Object name = object.get("name");
        if (name == null) {
            throw new BadRequestException("Request is missing 'name' key");
        }
        if (!(name instanceof String nameText)) {
            throw new BadRequestException("Request 'name' is not a string");
        }
        if (nameText.isBlank()) {
            throw new BadRequestException("Request 'name' is blank");
        }
        Object value = object.get("value");
        if (value == null) {
            return new CommandRequest(id, nameText, "", false, null);
        }
        if (value instanceof String valueText) {
            return CommandRequest.of(id, nameText, valueText);
        }
        return new CommandRequest(id, nameText, StreamingJson.write(value), true, value);
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
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("name", name);
        if (valueIsJson) {
            Object parsed;
            try {
                parsed = StreamingJson.read(value);
            } catch (JsonProcessingException e) {
                throw new BadRequestException("the value is not valid JSON: " + e.getOriginalMessage());
            }
            if (parsed == StreamingJson.NOTHING) {
                throw new BadRequestException("the value is not valid JSON: empty");
            }
            message.put("value", parsed);
        } else {
            message.put("value", value);
        }
        return parse(id, StreamingJson.write(message).getBytes(StandardCharsets.UTF_8));
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

    private static String encode(String returnCode, String message) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("returncode", returnCode);
        reply.put("message", message);
        return StreamingJson.write(reply);
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
