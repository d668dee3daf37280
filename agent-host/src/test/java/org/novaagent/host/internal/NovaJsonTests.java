/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Byte-exact against Python 3's {@code json.dumps} (the expected texts were printed by
 * {@code python3 -c 'import json; print(json.dumps(...))'} with the same input).
 */
class NovaJsonTests {

    @Test
    void separatorsEscapesAndOrderAreJsonDumps() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("a", "é\u2713\u007f\u0001\b\f\n\r\t\"\\/");
        value.put("n", Arrays.asList(1, 2.5, true, null, Map.of()));
        value.put("e", "\uD83D\uDE00");
        assertEquals("{\"a\": \"\\u00e9\\u2713\\u007f\\u0001\\b\\f\\n\\r\\t\\\"\\\\/\", "
                + "\"n\": [1, 2.5, true, null, {}], \"e\": \"\\ud83d\\ude00\"}", NovaJson.dumps(value));
    }

    @Test
    void scalarsAndEmptyContainers() {
        assertEquals("\"x\"", NovaJson.dumps("x"));
        assertEquals("null", NovaJson.dumps(null));
        assertEquals("[]", NovaJson.dumps(java.util.List.of()));
        assertEquals("{\"k\": {\"l\": [\"a\", \"b\"]}}", NovaJson.dumps(Map.of("k", Map.of("l", java.util.List.of("a", "b")))));
    }
}
