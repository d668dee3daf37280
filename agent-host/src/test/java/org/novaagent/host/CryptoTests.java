/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.novaagent.testkit.RequiredTool;

/** Cross-checks {@link Crypto} against the spec's test vectors and the real {@code openssl enc}. */
class CryptoTests {

    private static final String SECRET = "27234591073885988013566387861589";

    @Test
    void specVectorWindowsAgent() throws GeneralSecurityException {
        assertEquals("OTfAog/nwyzIcYOhvCBL0w==",
                Crypto.encrypt("rackspace\n".getBytes(StandardCharsets.US_ASCII), "secret", Crypto.Digest.MD5));
        assertEquals("rackspace\n", new String(Crypto.decrypt("OTfAog/nwyzIcYOhvCBL0w==", "secret", Crypto.Digest.MD5),
                StandardCharsets.US_ASCII));
        assertEquals("OTfAog/nwyzIcYOhvCBL0w==", Crypto.encryptPassword("rackspace", "secret", Crypto.Digest.MD5));
    }

    @Test
    void specVectorSha256Default() {
        assertEquals("i+TRKYjYtcB7KWMPdWCROw==", Crypto.encryptPassword("rackspace", "secret", Crypto.Digest.SHA256));
    }

    @Test
    void specVectorKeyAndIv() {
        Crypto.KeyIv k = Crypto.evpBytesToKey("secret".getBytes(StandardCharsets.US_ASCII), Crypto.Digest.MD5);
        assertEquals("5ebe2294ecd0e0f08eab7690d2a6ee69", HexFormat.of().formatHex(k.key()));
        assertEquals("26ae5cc854e36b6bdfca366848dea6bb", HexFormat.of().formatHex(k.iv()));
        Crypto.KeyIv none = Crypto.evpBytesToKey("None".getBytes(StandardCharsets.US_ASCII), Crypto.Digest.MD5);
        assertEquals("6adf97f83acf6453d4a6a4b1070f3754", HexFormat.of().formatHex(none.key()));
        assertEquals("23640dec368fbef3036470fc5465b865", HexFormat.of().formatHex(none.iv()));
    }

    @Test
    void wrongDigestFailsPadding() {
        String md5 = Crypto.encryptPassword("S3cret!", SECRET, Crypto.Digest.MD5);
        assertThrows(GeneralSecurityException.class, () -> Crypto.decrypt(md5, SECRET, Crypto.Digest.SHA256));
    }

    @ParameterizedTest
    @EnumSource(Crypto.Digest.class)
    void opensslDecryptsOurCiphertext(Crypto.Digest digest) throws Exception {
        String cipher = Crypto.encryptPassword("pässword,with\"odd chars", SECRET, digest);
        byte[] plain = openssl(digest, true, (cipher + "\n").getBytes(StandardCharsets.US_ASCII));
        assertEquals("pässword,with\"odd chars\n", new String(plain, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Crypto.Digest.class)
    void weDecryptOpensslCiphertext(Crypto.Digest digest) throws Exception {
        byte[] input = "S3cret! 0123456789abcdef\n".getBytes(StandardCharsets.UTF_8);
        String cipher = new String(openssl(digest, false, input), StandardCharsets.US_ASCII).strip();
        assertArrayEquals(input, Crypto.decrypt(cipher, SECRET, digest));
        assertEquals(cipher, Crypto.encrypt(input, SECRET, digest));
        assertNotEquals(cipher, Crypto.encrypt(input, SECRET + "1", digest));
    }

    /** Runs openssl enc with the passphrase in the environment (never on argv). */
    private static byte[] openssl(Crypto.Digest digest, boolean decrypt, byte[] stdin)
            throws IOException, InterruptedException {
        Path openssl = RequiredTool.require("openssl", "cross-check of the nova password cipher");
        List<String> cmd = new java.util.ArrayList<>(List.of(openssl.toString(), "enc", "-aes-128-cbc", "-a", "-A",
                "-nosalt", "-md", digest == Crypto.Digest.MD5 ? "md5" : "sha256", "-pass", "env:NOVA_TEST_PASS"));
        if (decrypt) {
            cmd.add("-d");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("NOVA_TEST_PASS", SECRET);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write(stdin);
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), "openssl exit code");
        return out;
    }
}
