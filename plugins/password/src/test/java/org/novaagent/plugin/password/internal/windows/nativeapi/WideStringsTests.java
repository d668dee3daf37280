/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal.windows.nativeapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.novaagent.plugin.password.internal.windows.WindowsAccountException;

/** UTF-16LE in native memory (jnr's Linux runtime), checked against the JDK's UTF-16LE encoder. */
class WideStringsTests {

    private final Runtime runtime = Runtime.getSystemRuntime();

    private static byte[] bytes(Pointer p) {
        byte[] out = new byte[(int) p.size()];
        p.get(0, out, 0, out.length);
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "Administrator", "Pässwörd-ß", "日本語パスワード", "key \uD83D\uDD11 end", "\u00FF\u0100\uFFFD"})
    void encodesAsTheJdkDoesPlusTwoNulBytes(String text) throws Exception {
        Pointer p = WideStrings.toNative(runtime, text.toCharArray());
        byte[] expected = (text + "\0").getBytes(StandardCharsets.UTF_16LE);
        assertArrayEquals(expected, bytes(p));
        assertEquals(text, WideStrings.read(p, 256));
    }

    @Test
    void writesIntoHeapMemoryToo() throws Exception {
        Pointer heap = Memory.allocate(runtime, 8);
        WideStrings.write(heap, "abc".toCharArray());
        assertArrayEquals("abc\0".getBytes(StandardCharsets.UTF_16LE), bytes(heap));
    }

    @Test
    void wipeZeroesEveryByte() {
        Pointer p = WideStrings.toNative(runtime, "S3cret!-€".toCharArray());
        WideStrings.wipe(p);
        assertArrayEquals(new byte[2 * 10], bytes(p));
        WideStrings.wipe(null);
    }

    @Test
    void readStopsAtTheFirstNul() throws Exception {
        Pointer p = Memory.allocateDirect(runtime, 16, true);
        p.put(0, "ab\0cd".getBytes(StandardCharsets.UTF_16LE), 0, 10);
        assertEquals("ab", WideStrings.read(p, 8));
    }

    @Test
    void readRefusesNullAndUnterminated() {
        Pointer p = Memory.allocateDirect(runtime, 8, true);
        p.put(0, "abcd".getBytes(StandardCharsets.UTF_16LE), 0, 8);
        WindowsAccountException e = assertThrows(WindowsAccountException.class, () -> WideStrings.read(p, 4));
        assertEquals("Windows returned a string longer than 4 characters", e.getMessage());
        assertThrows(WindowsAccountException.class, () -> WideStrings.read(null, 4));
    }
}
