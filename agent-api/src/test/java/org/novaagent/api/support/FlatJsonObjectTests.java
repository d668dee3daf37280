/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlatJsonObjectTests {

    @Test
    void readsStringsArraysAndNull() throws Exception {
        FlatJsonObject o = FlatJsonObject.parse(" {\"a\" : \"x\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\u20AC\", \"b\":[\"1\", \"2\"],"
                + "\"c\":null,\"d\":[]}\n");
        assertEquals(Optional.of("x\"\\/\b\f\n\r\t\u00e9\u20ac"), o.string("a"));
        assertEquals(List.of("1", "2"), o.strings("b"));
        assertEquals(Optional.empty(), o.string("c"));
        assertEquals(List.of(), o.strings("d"));
        assertEquals(List.of("x\"\\/\b\f\n\r\t\u00e9\u20ac"), o.strings("a"));
        assertEquals(List.of(), o.strings("missing"));
        assertEquals(Optional.empty(), FlatJsonObject.parse("{}").string("a"));
    }

    @Test
    void arrayIsNotAString() throws Exception {
        FlatJsonObject o = FlatJsonObject.parse("{\"b\":[\"1\"]}");
        assertThrows(FlatJsonObject.MalformedJsonException.class, () -> o.string("b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\"s\"", "[]", "{", "{\"a\"}", "{\"a\":1}", "{\"a\":true}", "{\"a\":{}}",
        "{\"a\":\"x\",}", "{\"a\":\"x\"} x", "{\"a\":\"x\",\"a\":\"y\"}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}",
        "{\"a\":\"\\u00g0\"}", "{\"a\":\"line\nbreak\"}", "{\"a\":[\"x\",1]}", "{\"a\":[[\"x\"]]}", "{'a':'x'}",
        "{\"a\":nul}", "{\"a\":\"x\"}{}"})
    void rejectsAnythingElse(String text) {
        assertThrows(FlatJsonObject.MalformedJsonException.class, () -> FlatJsonObject.parse(text));
    }

    @Test
    void messagesNeverContainValues() {
        FlatJsonObject.MalformedJsonException e = assertThrows(FlatJsonObject.MalformedJsonException.class,
                () -> FlatJsonObject.parse("{\"k\":\"s3cret\" junk}"));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }
}
