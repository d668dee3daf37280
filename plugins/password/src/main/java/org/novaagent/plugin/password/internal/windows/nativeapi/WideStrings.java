/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal.windows.nativeapi;

import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import org.novaagent.plugin.password.internal.windows.WindowsAccountException;

/**
 * Moves Win32 wide strings ({@code LPWSTR}: NUL-terminated UTF-16LE) between Java and native
 * memory without a {@code String} or {@code byte[]} in between, so a password exists only in the
 * caller's {@code char[]} and in a native buffer that {@link #wipe} zeroes.
 */
final class WideStrings {

    private WideStrings() {
    }

    /**
     * Copies UTF-16 code units into a new native buffer, little-endian, plus a NUL terminator.
     * Java chars already are UTF-16, so surrogate pairs pass through unchanged.
     *
     * @param runtime the jnr runtime that allocates the memory
     * @param chars   the text; must not contain NUL (the password rules reject control characters)
     * @return a direct buffer of exactly {@code 2 * (chars.length + 1)} bytes
     */
    static Pointer toNative(Runtime runtime, char[] chars) {
        Pointer buffer = Memory.allocateDirect(runtime, 2L * (chars.length + 1), true);
        write(buffer, chars);
        return buffer;
    }

    /**
     * Writes {@code chars} as UTF-16LE plus a NUL terminator at the start of {@code buffer}.
     *
     * @param buffer at least {@code 2 * (chars.length + 1)} bytes
     * @param chars  the text
     */
    static void write(Pointer buffer, char[] chars) {
        for (int i = 0; i < chars.length; i++) {
            buffer.putByte(2L * i, (byte) chars[i]);
            buffer.putByte(2L * i + 1, (byte) (chars[i] >>> 8));
        }
        buffer.putByte(2L * chars.length, (byte) 0);
        buffer.putByte(2L * chars.length + 1, (byte) 0);
    }

    /**
     * Zeroes every byte of a buffer from {@link #toNative}.
     *
     * @param buffer the buffer, or {@code null} (nothing to do)
     */
    static void wipe(Pointer buffer) {
        if (buffer != null) {
            buffer.setMemory(0, buffer.size(), (byte) 0);
        }
    }

    /**
     * Reads a NUL-terminated UTF-16LE string that Windows returned (an account name or a SID
     * string; never a password).
     *
     * @param pointer  the string
     * @param maxChars the most characters to read before giving up
     * @return the text
     * @throws WindowsAccountException when the pointer is {@code NULL} or no NUL comes within
     *                                 {@code maxChars}
     */
    static String read(Pointer pointer, int maxChars) throws WindowsAccountException {
        if (pointer == null) {
            throw new WindowsAccountException("Windows returned a NULL string");
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < maxChars; i++) {
            int low = pointer.getByte(2L * i) & 0xFF;
            int high = pointer.getByte(2L * i + 1) & 0xFF;
            char c = (char) (low | high << 8);
            if (c == '\0') {
                return text.toString();
            }
            text.append(c);
        }
        throw new WindowsAccountException("Windows returned a string longer than " + maxChars + " characters");
    }
}
