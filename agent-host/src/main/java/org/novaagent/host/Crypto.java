/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The password cipher of nova's dom0 side: what {@code openssl enc -aes-128-cbc -a -A -nosalt -md <digest>}
 * does, i.e. AES-128-CBC with PKCS#7 padding and key/IV from OpenSSL's {@code EVP_BytesToKey}
 * (no salt, one iteration) over the passphrase, base64 on one line.
 */
public final class Crypto {

    /** The digest used by {@code EVP_BytesToKey}: MD5 for old hosts, SHA-256 for OpenSSL &ge; 1.1.0 defaults. */
    public enum Digest {
        /** {@code -md md5}: what every agent implements. */
        MD5("MD5"),
        /** {@code -md sha256}: OpenSSL 1.1.0+ default when nova's command line omits {@code -md}. */
        SHA256("SHA-256");

        private final String jcaName;

        Digest(String jcaName) {
            this.jcaName = jcaName;
        }

        /** @return the name for {@link MessageDigest#getInstance(String)} */
        public String jcaName() {
            return jcaName;
        }
    }

    /** AES-128 key and IV, 16 bytes each. */
    public record KeyIv(byte[] key, byte[] iv) {
    }

    private Crypto() {
    }

    /**
     * OpenSSL's {@code EVP_BytesToKey} with no salt and one iteration, for a 16-byte key and 16-byte IV:
     * D1 = H(pass), D2 = H(D1 || pass), ... concatenated and split.
     *
     * @param passphrase the passphrase bytes (the decimal DH secret in ASCII)
     * @param digest     hash to use
     * @return key and IV
     */
    public static KeyIv evpBytesToKey(byte[] passphrase, Digest digest) {
        MessageDigest md = messageDigest(digest);
        byte[] out = new byte[32];
        byte[] prev = new byte[0];
        int filled = 0;
        while (filled < out.length) {
            md.reset();
            md.update(prev);
            md.update(passphrase);
            prev = md.digest();
            int n = Math.min(prev.length, out.length - filled);
            System.arraycopy(prev, 0, out, filled, n);
            filled += n;
        }
        return new KeyIv(Arrays.copyOfRange(out, 0, 16), Arrays.copyOfRange(out, 16, 32));
    }

    /**
     * Encrypts like {@code openssl enc -aes-128-cbc -a -A -nosalt}.
     *
     * @param plaintext  bytes to encrypt (nova appends {@code \n} to the password before calling this)
     * @param passphrase passphrase text, used as UTF-8 bytes
     * @param digest     key-derivation digest
     * @return base64 on one line, no trailing newline
     */
    public static String encrypt(byte[] plaintext, String passphrase, Digest digest) {
        try {
            return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE, passphrase, digest).doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128-CBC encryption failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Decrypts like {@code openssl enc -d -aes-128-cbc -a -A -nosalt} (strict PKCS#7 check).
     *
     * @param base64     ciphertext in base64
     * @param passphrase passphrase text
     * @param digest     key-derivation digest
     * @return the plaintext bytes
     * @throws GeneralSecurityException on a bad padding (wrong key or digest) or bad length
     * @throws IllegalArgumentException when the input is not base64
     */
    public static byte[] decrypt(String base64, String passphrase, Digest digest) throws GeneralSecurityException {
        byte[] data = Base64.getDecoder().decode(base64.strip());
        return cipher(Cipher.DECRYPT_MODE, passphrase, digest).doFinal(data);
    }

    /**
     * nova's {@code set_admin_password} encryption: the password plus a trailing {@code \n}.
     *
     * @param password     the clear-text password
     * @param sharedSecret the DH shared secret as a decimal string
     * @param digest       key-derivation digest
     * @return base64 ciphertext for the {@code password} command
     */
    public static String encryptPassword(String password, String sharedSecret, Digest digest) {
        return encrypt((password + "\n").getBytes(StandardCharsets.UTF_8), sharedSecret, digest);
    }

    private static Cipher cipher(int mode, String passphrase, Digest digest) throws GeneralSecurityException {
        KeyIv keyIv = evpBytesToKey(passphrase.getBytes(StandardCharsets.UTF_8), digest);
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(mode, new SecretKeySpec(keyIv.key(), "AES"), new IvParameterSpec(keyIv.iv()));
        return cipher;
    }

    private static MessageDigest messageDigest(Digest digest) {
        try {
            return MessageDigest.getInstance(digest.jcaName());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + digest.jcaName(), e);
        }
    }
}
