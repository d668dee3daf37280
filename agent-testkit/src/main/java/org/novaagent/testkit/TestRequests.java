/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.novaagent.api.CommandRequest;

/**
 * Requests as the runtime hands them to a handler: a JSON value arrives both as compact text and
 * parsed into {@code java.base} types ({@link CommandRequest#json()}). Parsed here with Jackson and
 * the runtime's strictness (duplicate members and trailing text rejected), so a handler test never
 * builds a request the runtime could not have built. Text the runtime would refuse fails the test.
 */
public final class TestRequests {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private TestRequests() {
    }

    /**
     * @param name  the command name
     * @param value the plain string value
     * @return the request, id {@code test-1}
     */
    public static CommandRequest string(String name, String value) {
        return CommandRequest.of("test-1", name, value);
    }

    /**
     * @param name     the command name
     * @param jsonText the value as JSON text, for example {@code {"b64_path": "...", "b64_file": "..."}}
     * @return the request, id {@code test-1}, as the runtime would build it from that value
     * @throws IllegalArgumentException when the runtime would refuse the text (not JSON, duplicate members)
     */
    public static CommandRequest json(String name, String jsonText) {
        JsonNode node;
        try {
            node = MAPPER.readTree(jsonText);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the runtime would refuse this request: " + e.getOriginalMessage(), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new IllegalArgumentException("the runtime would refuse this request: empty value");
        }
        if (node.isNull()) {
            return new CommandRequest("test-1", name, "", false, null);
        }
        if (node.isTextual()) {
            return string(name, node.textValue());
        }
        return new CommandRequest("test-1", name, node.toString(), true, MAPPER.convertValue(node, Object.class));
    }
}
