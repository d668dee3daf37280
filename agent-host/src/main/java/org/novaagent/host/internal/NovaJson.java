/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Writes what nova writes: JSON as Python's {@code json.dumps} produces it by default, so what the
 * host simulator puts in XenStore is byte for byte nova's. Jackson does the writing; this class
 * only configures the two ways Python differs from Jackson's compact output: {@code ", "} and
 * {@code ": "} separators, and {@code ensure_ascii} escaping (everything outside printable ASCII,
 * including DEL, as {@code \}{@code uxxxx} in lower-case hex, one escape per UTF-16 unit).
 */
public final class NovaJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private NovaJson() {
    }

    /**
     * @param value a String, Number, Boolean, null, {@code Map<String, ?>} (insertion order kept) or List
     * @return the JSON text, as {@code json.dumps(value)} writes it
     * @throws IllegalArgumentException when Jackson cannot serialise the value
     */
    public static String dumps(Object value) {
        try {
            return MAPPER.writer(new PythonSeparators()).with(new PythonEscapes()).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getName(), e);
        }
    }

    /** {@code json.dumps}' default separators, no other whitespace. */
    private static final class PythonSeparators extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws java.io.IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws java.io.IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws java.io.IOException {
            g.writeRaw(", ");
        }
    }

    /** {@code ensure_ascii=True}: control characters and DEL as lower-case {@code \}{@code u00xx}. */
    private static final class PythonEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private static final int[] ASCII = standardAsciiEscapesForJSON();

        static {
            for (int c = 0; c < 0x20; c++) {
                if ("\b\f\n\r\t".indexOf(c) < 0) {
                    ASCII[c] = ESCAPE_CUSTOM; // Jackson would write upper-case hex
                }
            }
            ASCII[0x7f] = ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch < 0x7f && ASCII[ch] != ESCAPE_CUSTOM ? null : new SerializedString(String.format("\\u%04x", ch));
        }
    }
}
