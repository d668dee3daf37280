/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** The wipeable decimal text of the shared secret equals {@code BigInteger.toString()} for every size. */
class SecretDigitsTests {

    private static String digits(BigInteger n) {
        return new String(SecretDigits.decimalAscii(n), StandardCharsets.US_ASCII);
    }

    @Test
    void matchesToStringOnEdgesAndRandomValues() {
        for (long v : new long[] {0, 1, 9, 10, 255, 256, 65535, 1_000_000_007L, Long.MAX_VALUE}) {
            assertEquals(Long.toString(v), digits(BigInteger.valueOf(v)));
        }
        assertEquals(DiffieHellman.PRIME.toString(), digits(DiffieHellman.PRIME));
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 2000; i++) {
            BigInteger n = new BigInteger(1 + random.nextInt(700), random);
            assertEquals(n.toString(), digits(n), n.toString(16));
        }
    }
}
