/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link Sha512Crypt} against Drepper's published vectors; the cross-checks with the real
 * {@code openssl passwd -6} and Python's crypt are in the password plugin's tests (agent-api's
 * tests cannot use the test kit, which depends on agent-api).
 */
class Sha512CryptTests {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void drepperVectors() {
        assertEquals("$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1",
                Sha512Crypt.crypt(utf8("Hello world!"), "$6$saltstring"));
        assertEquals("$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.",
                Sha512Crypt.crypt(utf8("Hello world!"), "$6$rounds=10000$saltstringsaltstring"));
    }

    @Test
    void verifyAcceptsOnlyTheRightPasswordAndOnlySha512Crypt() {
        String h = Sha512Crypt.crypt(utf8("S3cret!"), "$6$abcdefgh");
        assertTrue(Sha512Crypt.verify(utf8("S3cret!"), h));
        assertFalse(Sha512Crypt.verify(utf8("S3cret"), h));
        assertFalse(Sha512Crypt.verify(utf8("S3cret!"), "$y$j9T$abc$def"));
        assertFalse(Sha512Crypt.verify(utf8("x"), "*"));
        assertFalse(Sha512Crypt.verify(utf8("x"), "$6$"));
        assertFalse(Sha512Crypt.verify(utf8("x"), "$6$rounds=lots$salt$hash"));
        assertThrows(IllegalArgumentException.class, () -> Sha512Crypt.crypt(utf8("x"), "$1$md5"));
    }
}
