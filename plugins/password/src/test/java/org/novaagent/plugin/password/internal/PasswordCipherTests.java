/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.novaagent.plugin.password.internal.KeyDerivation.Digest;
import org.novaagent.plugin.password.internal.KeyDerivation.KeyMaterial;

/** Decryption against the spec vector and the real openssl, in both directions, and bad input. */
class PasswordCipherTests {

    private static final String SECRET = "27234591073885988013566387861589";

    @Test
    void specVectorGivesRackspace() throws PasswordException {
        try (PlainPassword pw = PasswordCipher.decrypt("OTfAog/nwyzIcYOhvCBL0w==", ascii("secret"))) {
            assertEquals("rackspace", text(pw));
        }
    }

    @Test
    void surroundingWhitespaceIsTrimmed() throws PasswordException {
        try (PlainPassword pw = PasswordCipher.decrypt("  OTfAog/nwyzIcYOhvCBL0w==\n", ascii("secret"))) {
            assertEquals("rackspace", text(pw));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"md5", "sha256"})
    void decryptsWhatOpensslEncrypts(String md) throws Exception {
        OpenSsl openssl = OpenSsl.withPassphrase(SECRET);
        for (String password : new String[] {"S3cret!", "pässwörd ünïcode 密码", "x", "a".repeat(255),
            "exactly16bytes!!", "ends with newline is stripped once"}) {
            String b64 = openssl.encrypt((password + "\n").getBytes(StandardCharsets.UTF_8), md);
            try (PlainPassword pw = PasswordCipher.decrypt(b64, ascii(SECRET))) {
                assertEquals(password, text(pw), md);
            }
        }
    }

    @Test
    void withoutTrailingNewlineThePasswordIsKept() throws Exception {
        String b64 = OpenSsl.withPassphrase(SECRET).encrypt(ascii("NoNewline"), "md5");
        try (PlainPassword pw = PasswordCipher.decrypt(b64, ascii(SECRET))) {
            assertEquals("NoNewline", text(pw));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"md5", "sha256"})
    void opensslDecryptsWhatJavaEncryptsWithOurDerivation(String md) throws Exception {
        Digest digest = md.equals("md5") ? Digest.MD5 : Digest.SHA256;
        byte[] plaintext = "Tr0ub4dor&3 ünïcode\n".getBytes(StandardCharsets.UTF_8);
        String b64;
        try (KeyMaterial km = KeyDerivation.derive(digest, ascii(SECRET))) {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(km.key(), "AES"), new IvParameterSpec(km.iv()));
            b64 = Base64.getEncoder().encodeToString(cipher.doFinal(plaintext));
        }
        assertArrayEquals(plaintext, OpenSsl.withPassphrase(SECRET).decrypt(b64, md));
        try (PlainPassword pw = PasswordCipher.decrypt(b64, ascii(SECRET))) {
            assertEquals("Tr0ub4dor&3 ünïcode", text(pw));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not base64!", "OTfAog/nwyz\nIcYOhvCBL0w==", "OTfAog/nwyzIcYOhvCBL0w=",
        "OTfAog-nwyzIcYOhvCBL0w=="})
    void badBase64(String value) {
        PasswordException e = assertThrows(PasswordException.class, () -> PasswordCipher.decrypt(value, ascii("secret")));
        assertEquals("Couldn't decode base64 data", e.getMessage());
    }

    @Test
    void tooLongValueIsRejectedBeforeDecoding() {
        String huge = "A".repeat(PasswordCipher.MAX_ENCODED_LENGTH + 4);
        assertThrows(PasswordException.class, () -> PasswordCipher.decrypt(huge, ascii("secret")));
    }

    @Test
    void wrongKeyOrTruncatedDataIsInvalidData() throws Exception {
        PasswordException wrongKey = assertThrows(PasswordException.class,
                () -> PasswordCipher.decrypt("OTfAog/nwyzIcYOhvCBL0w==", ascii("other")));
        assertEquals("Invalid password data received", wrongKey.getMessage());
        String notBlock = Base64.getEncoder().encodeToString(new byte[15]);
        assertEquals("Invalid password data received", assertThrows(PasswordException.class,
                () -> PasswordCipher.decrypt(notBlock, ascii("secret"))).getMessage());
    }

    @Test
    void strictPkcs7() {
        byte[] good = new byte[16];
        java.util.Arrays.fill(good, 10, 16, (byte) 6);
        assertEquals(6, PasswordCipher.paddingLength(good));
        byte[] inconsistent = good.clone();
        inconsistent[11] = 5;
        assertEquals(-1, PasswordCipher.paddingLength(inconsistent));
        byte[] zero = new byte[16];
        assertEquals(-1, PasswordCipher.paddingLength(zero));
        byte[] seventeen = new byte[16];
        seventeen[15] = 17;
        assertEquals(-1, PasswordCipher.paddingLength(seventeen));
        byte[] full = new byte[32];
        java.util.Arrays.fill(full, 16, 32, (byte) 16);
        assertEquals(16, PasswordCipher.paddingLength(full));
    }

    @Test
    void wrongPaddingFromARealCipherIsRejected() throws Exception {
        // A block with an inconsistent padding, encrypted without padding under the right key.
        byte[] block = "rackspace\n\u0001\u0002\u0003\u0004\u0005\u0006".getBytes(StandardCharsets.US_ASCII);
        String b64 = encryptNoPadding(block, Digest.MD5, SECRET);
        PasswordException e = assertThrows(PasswordException.class, () -> PasswordCipher.decrypt(b64, ascii(SECRET)));
        assertEquals("Invalid password data received", e.getMessage());
    }

    @Test
    void invalidUtf8IsRejected() throws Exception {
        byte[] block = new byte[16];
        block[0] = (byte) 0xC3; // truncated two-byte sequence
        block[1] = 'a';
        java.util.Arrays.fill(block, 2, 16, (byte) 14);
        String b64 = encryptNoPadding(block, Digest.MD5, SECRET);
        assertThrows(PasswordException.class, () -> PasswordCipher.decrypt(b64, ascii(SECRET)));
    }

    static String encryptNoPadding(byte[] blocks, Digest digest, String secret) throws Exception {
        try (KeyMaterial km = KeyDerivation.derive(digest, ascii(secret))) {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(km.key(), "AES"), new IvParameterSpec(km.iv()));
            return Base64.getEncoder().encodeToString(cipher.doFinal(blocks));
        }
    }

    static String text(PlainPassword pw) {
        return new String(pw.toChars());
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
