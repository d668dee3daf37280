/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A decrypted password held as wipeable UTF-8 bytes (never as a {@link String}), with the
 * facts {@link PasswordRules} needs computed once at construction.
 */
public final class PlainPassword implements AutoCloseable {

    private final byte[] utf8;
    private final int codePoints;
    private final boolean hasControl;

    private PlainPassword(byte[] utf8, int codePoints, boolean hasControl) {
        this.utf8 = utf8;
        this.codePoints = codePoints;
        this.hasControl = hasControl;
    }

    /**
     * Takes ownership of the bytes after a strict UTF-8 check.
     *
     * @param utf8 the password bytes; owned (and later wiped) by the result
     * @return the password
     * @throws CharacterCodingException when the bytes are not well-formed UTF-8 (the array is
     *                                  left for the caller to wipe)
     */
    static PlainPassword ofUtf8(byte[] utf8) throws CharacterCodingException {
        char[] chars = decodeStrict(utf8);
        try {
            int count = 0;
            boolean control = false;
            for (int i = 0; i < chars.length; ) {
                int cp = Character.codePointAt(chars, i);
                control |= Character.isISOControl(cp);
                count++;
                i += Character.charCount(cp);
            }
            return new PlainPassword(utf8, count, control);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /**
     * @return the live UTF-8 bytes; do not keep or modify them
     */
    byte[] utf8() {
        return utf8;
    }

    /**
     * @return a fresh copy of the password as UTF-16 chars; the caller wipes it
     */
    char[] toChars() {
        try {
            return decodeStrict(utf8);
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("validated at construction", e);
        }
    }

    /** @return the number of Unicode code points */
    int codePointCount() {
        return codePoints;
    }

    /** @return true when the password contains a C0/C1 control character or DEL */
    boolean hasControlCharacter() {
        return hasControl;
    }

    /** @return true when the password is empty */
    boolean isEmpty() {
        return utf8.length == 0;
    }

    /** Wipes the bytes. */
    @Override
    public void close() {
        Arrays.fill(utf8, (byte) 0);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "PlainPassword[<redacted>]";
    }

    private static char[] decodeStrict(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer buffer = decoder.decode(ByteBuffer.wrap(bytes));
        char[] backing = buffer.array();
        char[] chars = Arrays.copyOfRange(backing, buffer.position(), buffer.limit());
        Arrays.fill(backing, '\0');
        return chars;
    }
}
