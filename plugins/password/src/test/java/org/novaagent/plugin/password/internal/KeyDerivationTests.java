/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.novaagent.plugin.password.internal.KeyDerivation.Digest;
import org.novaagent.plugin.password.internal.KeyDerivation.KeyMaterial;

/** EVP_BytesToKey against the vectors of docs/protocol.md §3.6 and the real {@code openssl enc -P}. */
class KeyDerivationTests {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void windowsSpecVectorSecret() {
        KeyMaterial km = KeyDerivation.derive(Digest.MD5, ascii("secret"));
        assertEquals("5ebe2294ecd0e0f08eab7690d2a6ee69", HEX.formatHex(km.key()));
        assertEquals("26ae5cc854e36b6bdfca366848dea6bb", HEX.formatHex(km.iv()));
    }

    @Test
    void twoXSpecVectorNone() {
        KeyMaterial km = KeyDerivation.derive(Digest.MD5, ascii("None"));
        assertEquals("6adf97f83acf6453d4a6a4b1070f3754", HEX.formatHex(km.key()));
        assertEquals("23640dec368fbef3036470fc5465b865", HEX.formatHex(km.iv()));
    }

    @Test
    void closeWipesTheMaterial() {
        KeyMaterial km = KeyDerivation.derive(Digest.SHA256, ascii("secret"));
        km.close();
        assertArrayEquals(new byte[16], km.key());
        assertArrayEquals(new byte[16], km.iv());
        assertEquals("KeyMaterial[<redacted>]", km.toString());
    }

    @Test
    void matchesOpensslForRandomSharedSecrets() throws Exception {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 4; i++) {
            String secret = new BigInteger(107, random).mod(DiffieHellman.PRIME).toString();
            OpenSsl openssl = OpenSsl.withPassphrase(secret);
            for (Digest digest : Digest.values()) {
                String[] expected = openssl.keyAndIv(digest == Digest.MD5 ? "md5" : "sha256");
                try (KeyMaterial km = KeyDerivation.derive(digest, ascii(secret))) {
                    assertEquals(expected[0], HEX.formatHex(km.key()), digest + " key for " + secret);
                    assertEquals(expected[1], HEX.formatHex(km.iv()), digest + " iv for " + secret);
                }
            }
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
