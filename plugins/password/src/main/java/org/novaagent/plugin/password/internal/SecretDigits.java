/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The decimal text of the DH shared secret (nova's AES passphrase) as ASCII bytes that the caller
 * can wipe, made without {@link BigInteger#toString()}: that would leave an immutable
 * {@code String} copy of the passphrase in the heap until it is collected (issue #19, finding 8).
 * The digits come from schoolbook division of the magnitude bytes by 10, in arrays wiped here.
 * The {@code BigInteger} itself cannot be wiped (immutable; see SECURITY.md).
 */
final class SecretDigits {

    private SecretDigits() {
    }

    /**
     * @param n a non-negative number
     * @return its decimal digits in ASCII, without leading zeros ({@code "0"} for zero); the caller wipes it
     */
    static byte[] decimalAscii(BigInteger n) {
        if (n.signum() < 0) {
            throw new IllegalArgumentException("negative");
        }
        byte[] magnitude = n.toByteArray();
        byte[] reversed = new byte[magnitude.length * 3 + 1];
        int length = 0;
        try {
            int start = 0;
            while (start < magnitude.length && magnitude[start] == 0) {
                start++;
            }
            while (start < magnitude.length) {
                int remainder = 0;
                for (int i = start; i < magnitude.length; i++) {
                    int current = (remainder << 8) | (magnitude[i] & 0xff);
                    magnitude[i] = (byte) (current / 10);
                    remainder = current % 10;
                }
                reversed[length++] = (byte) ('0' + remainder);
                while (start < magnitude.length && magnitude[start] == 0) {
                    start++;
                }
            }
            if (length == 0) {
                return new byte[] {'0'};
            }
            byte[] digits = new byte[length];
            for (int i = 0; i < length; i++) {
                digits[i] = reversed[length - 1 - i];
            }
            return digits;
        } finally {
            Arrays.fill(magnitude, (byte) 0);
            Arrays.fill(reversed, (byte) 0);
        }
    }
}
