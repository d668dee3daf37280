/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The java.base shape of parsed values, the typed look-ups, and how CommandRequest uses them. */
class JsonValueTests {

    private static final String SECRET = "do-not-print-me";

    @Test
    void freezeCopiesDeeplyKeepsOrderAndRefusesOtherTypes() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a", new ArrayList<>(Arrays.asList("x", null, 2.5, true, BigInteger.TEN)));
        Map<String, Object> frozen = castMap(JsonValue.freeze(Map.of("o", inner)));
        Map<String, Object> o = castMap(frozen.get("o"));
        assertEquals(List.of("z", "a"), List.copyOf(o.keySet()));
        inner.put("late", "x");
        assertFalse(o.containsKey("late"), "a copy, not a view");
        assertThrows(UnsupportedOperationException.class, () -> o.put("b", 1));
        assertThrows(UnsupportedOperationException.class, () -> ((List<?>) o.get("a")).clear());
        assertThrows(IllegalArgumentException.class, () -> JsonValue.freeze(new Object()));
        assertThrows(IllegalArgumentException.class, () -> JsonValue.freeze(Map.of(1, "x")));
        assertThrows(IllegalArgumentException.class, () -> JsonValue.freeze(List.of(Optional.empty())));
    }

    @Test
    void typedMembersNameTheMemberNeverTheValue() throws Exception {
        Map<String, Object> m = new HashMap<>();
        m.put("s", "v");
        m.put("n", null);
        m.put("l", List.of("a", "b"));
        m.put("num", 5);
        m.put("mixed", List.of("a", 1));
        m.put("secret", Map.of("k", SECRET));
        assertEquals(Optional.of("v"), JsonValue.string(m, "s"));
        assertEquals(Optional.empty(), JsonValue.string(m, "n"));
        assertEquals(Optional.empty(), JsonValue.string(m, "absent"));
        assertEquals(List.of("v"), JsonValue.strings(m, "s"));
        assertEquals(List.of("a", "b"), JsonValue.strings(m, "l"));
        assertEquals(List.of(), JsonValue.strings(m, "absent"));
        assertEquals("member 'num' must be a string",
                assertThrows(JsonValue.TypeException.class, () -> JsonValue.string(m, "num")).getMessage());
        assertThrows(JsonValue.TypeException.class, () -> JsonValue.strings(m, "mixed"));
        String message = assertThrows(JsonValue.TypeException.class, () -> JsonValue.string(m, "secret")).getMessage();
        assertFalse(message.contains(SECRET), message);
    }

    @Test
    void requestsCarryTheParsedValue() {
        CommandRequest plain = CommandRequest.of("1", "version", "agent");
        assertEquals("agent", plain.json());
        assertEquals(Optional.empty(), plain.jsonObject());
        CommandRequest obj = new CommandRequest("2", "kmsactivate", "{\"k\":\"" + SECRET + "\"}", true, Map.of("k", SECRET));
        assertEquals(Map.of("k", SECRET), obj.jsonObject().orElseThrow());
        assertFalse(obj.toString().contains(SECRET), obj.toString());
        assertThrows(IllegalArgumentException.class, () -> new CommandRequest("3", "x", "a", false, "b"),
                "a plain string must agree with its json");
        assertTrue(new CommandRequest("4", "x", "", false, null).jsonObject().isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }
}
