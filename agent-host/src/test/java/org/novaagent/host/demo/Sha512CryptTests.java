/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.novaagent.testkit.RequiredTool;

/** {@link Sha512Crypt} against Drepper's published vectors and the real {@code openssl passwd -6}. */
class Sha512CryptTests {

    @Test
    void drepperVectors() {
        assertEquals("$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1",
                Sha512Crypt.crypt("Hello world!", "$6$saltstring"));
        assertEquals("$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.",
                Sha512Crypt.crypt("Hello world!", "$6$rounds=10000$saltstringsaltstring"));
    }

    @Test
    void verifyAcceptsOnlyTheRightPassword() {
        String h = Sha512Crypt.crypt("S3cret!", "$6$abcdefgh");
        assertTrue(Sha512Crypt.verify("S3cret!", h));
        assertFalse(Sha512Crypt.verify("S3cret", h));
        assertFalse(Sha512Crypt.verify("S3cret!", "$y$j9T$abc$def"));
        assertFalse(Sha512Crypt.verify("x", "*"));
    }

    @Test
    void matchesOpensslPasswd() throws Exception {
        Path openssl = RequiredTool.require("openssl", "cross-check of SHA-512 crypt");
        String pw = "Long password with spaces, ümlauts and more than sixty-four bytes in it, really!!";
        ProcessBuilder pb = new ProcessBuilder(openssl.toString(), "passwd", "-6", "-salt", "Qx7.zZ/a9", "-stdin");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write((pw + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor());
        assertEquals(expected, Sha512Crypt.crypt(pw, "$6$Qx7.zZ/a9"));
        assertTrue(Sha512Crypt.verify(pw, expected));
    }
}
