/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming reader and writer give what the databind mapper the loop used before gave: the
 * same {@code java.base} values (types included) and the same compact text, and reject the same input.
 */
class StreamingJsonTests {

    private static final JsonMapper DATABIND = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"name\":\"x\",\"value\":{\"a\": [1, 2], \"b\": null}}",
        "[\"p\" , true, false, null, -0, 0.5, 1e2, 1E-3, -2.5e+10]",
        "{\"int\": 2147483647, \"long\": 2147483648, \"big\": 123456789012345678901234567890, \"neg\": -9223372036854775809}",
        "{\"z\": {\"y\": {\"x\": [[], {}, [[\"deep\"]]]}}, \"a\": \"\\u00e9\\ud83d\\ude00\\n\\t\\\"\\\\/\"}",
        "\"just a string\"", "42", "true", "null", "  {\"spaces\" :\t1 }  ",
        "{\"huge\": 1e400, \"tiny\": 1e-400, \"ctl\": \"\\u0001\\u001f\"}"
    })
    void readsAndWritesLikeDatabind(String text) throws Exception {
        JsonNode tree = DATABIND.readTree(text);
        Object expected = DATABIND.convertValue(tree, Object.class);
        Object actual = StreamingJson.read(text);
        assertEquals(expected, actual, text);
        assertEquals(describeTypes(expected), describeTypes(actual), text);
        assertEquals(DATABIND.writeValueAsString(tree), StreamingJson.write(actual), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{", "[1,", "{\"a\":1,}", "{\"a\":1}{}", "{\"a\":1} x", "[1] [2]", "{\"a\":1,\"a\":2}",
        "{\"o\":{\"k\":1,\"k\":1}}", "'single'", "{a:1}", "nul", "[1 2]", "{\"a\"}", "\u0000"
    })
    void rejectsWhatDatabindRejects(String text) {
        assertThrows(JsonProcessingException.class, () -> DATABIND.readTree(text), "the reference accepts " + text);
        assertThrows(JsonProcessingException.class, () -> StreamingJson.read(text), text);
    }

    @Test
    void emptyTextIsNothing() throws Exception {
        assertSame(StreamingJson.NOTHING, StreamingJson.read(""));
        assertSame(StreamingJson.NOTHING, StreamingJson.read(" \n\t"));
        assertEquals(true, DATABIND.readTree(" \n\t").isMissingNode(), "databind: a missing node");
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThrows(JsonProcessingException.class, () -> StreamingJson.read(deep));
    }

    private static String describeTypes(Object v) {
        if (v instanceof java.util.Map<?, ?> m) {
            StringBuilder b = new StringBuilder(v.getClass().getSimpleName()).append('(');
            m.forEach((k, e) -> b.append(k).append('=').append(describeTypes(e)).append(','));
            return b.append(')').toString();
        }
        if (v instanceof java.util.List<?> l) {
            StringBuilder b = new StringBuilder(v.getClass().getSimpleName()).append('[');
            l.forEach(e -> b.append(describeTypes(e)).append(','));
            return b.append(']').toString();
        }
        return v == null ? "null" : v.getClass().getSimpleName();
    }
}
