/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import java.nio.charset.CharacterCodingException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.novaagent.plugin.password.internal.KeyDerivation.Digest;
import org.novaagent.plugin.password.internal.KeyDerivation.KeyMaterial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the host's {@code password} value into a plaintext password (docs/protocol.md §3.4, §3.5):
 * strict base64, AES-128-CBC without padding, a strict PKCS#7 check done by hand, UTF-8, one
 * trailing newline removed. MD5 key derivation is tried first, SHA-256 second.
 */
final class PasswordCipher {

    /** Longest base64 value accepted (a 255-character password needs far less). */
    static final int MAX_ENCODED_LENGTH = 4096;

    private static final Logger LOG = LoggerFactory.getLogger(PasswordCipher.class);
    private static final int BLOCK = 16;

    private PasswordCipher() {
    }

    /**
     * Decrypts a password.
     *
     * @param encoded    the request value: base64 on one line, surrounding whitespace ignored
     * @param passphrase the ASCII decimal shared secret; not modified
     * @return the password; the caller closes it
     * @throws PasswordException with a host-safe message when the value cannot be decrypted
     */
    static PlainPassword decrypt(String encoded, byte[] passphrase) throws PasswordException {
        byte[] ciphertext = decodeBase64(encoded);
        if (ciphertext.length == 0 || ciphertext.length % BLOCK != 0) {
            throw new PasswordException("Invalid password data received");
        }
        for (Digest digest : Digest.values()) {
            PlainPassword password = tryDecrypt(digest, ciphertext, passphrase);
            if (password != null) {
                LOG.info("password decrypted with the {} key derivation", digest);
                return password;
            }
            LOG.debug("password did not decrypt with the {} key derivation", digest);
        }
        throw new PasswordException("Invalid password data received");
    }

    private static byte[] decodeBase64(String encoded) throws PasswordException {
        String text = encoded == null ? "" : encoded.strip();
        if (text.isEmpty() || text.length() > MAX_ENCODED_LENGTH) {
            throw new PasswordException("Couldn't decode base64 data");
        }
        try {
            // The basic decoder rejects line breaks and any character outside the alphabet.
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new PasswordException("Couldn't decode base64 data");
        }
    }

    /** @return the password, or null when padding or UTF-8 shows the key was wrong */
    private static PlainPassword tryDecrypt(Digest digest, byte[] ciphertext, byte[] passphrase)
            throws PasswordException {
        byte[] plain;
        try (KeyMaterial km = KeyDerivation.derive(digest, passphrase)) {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            SecretKeySpec key = new SecretKeySpec(km.key(), "AES");
            cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(km.iv()));
            plain = cipher.doFinal(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new PasswordException("Invalid password data received");
        }
        byte[] unpadded = null;
        try {
            int pad = paddingLength(plain);
            if (pad < 0) {
                return null;
            }
            int end = plain.length - pad;
            if (end > 0 && plain[end - 1] == '\n') {
                end--; // the host appends one newline for old agents (docs/protocol.md §3.4)
            }
            unpadded = Arrays.copyOf(plain, end);
            PlainPassword password = PlainPassword.ofUtf8(unpadded);
            unpadded = null; // now owned by password
            return password;
        } catch (CharacterCodingException e) {
            return null;
        } finally {
            Arrays.fill(plain, (byte) 0);
            if (unpadded != null) {
                Arrays.fill(unpadded, (byte) 0);
            }
        }
    }

    /**
     * Strict PKCS#7: the last byte n is 1..16 and the last n bytes all equal n.
     *
     * @return n, or -1 when the padding is invalid
     */
    static int paddingLength(byte[] plain) {
        if (plain.length < BLOCK || plain.length % BLOCK != 0) {
            return -1;
        }
        int n = plain[plain.length - 1] & 0xff;
        if (n < 1 || n > BLOCK) {
            return -1;
        }
        int bad = 0;
        for (int i = plain.length - n; i < plain.length; i++) {
            bad |= (plain[i] & 0xff) ^ n;
        }
        return bad == 0 ? n : -1;
    }
}
