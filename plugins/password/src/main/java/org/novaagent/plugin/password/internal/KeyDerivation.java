/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * OpenSSL's legacy {@code EVP_BytesToKey} (no salt, one iteration) for AES-128-CBC, as
 * {@code openssl enc -nosalt -md md5|sha256} does it (docs/protocol.md §3.4): 16-byte key and 16-byte IV
 * from the decimal string of the shared secret.
 */
final class KeyDerivation {

    /** Size of the AES-128 key and of the CBC IV, in bytes. */
    static final int KEY_LENGTH = 16;

    /** The digests hosts are known to use: MD5 (nova's intent) and SHA-256 (OpenSSL ≥ 1.1 default). */
    enum Digest {
        /** MD5, the historical {@code openssl enc} default and what every agent implements. */
        MD5("MD5"),
        /** SHA-256, the {@code openssl enc} default since OpenSSL 1.1.0. */
        SHA256("SHA-256");

        private final String algorithm;

        Digest(String algorithm) {
            this.algorithm = algorithm;
        }

        MessageDigest newDigest() {
            try {
                return MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(algorithm + " is required by every Java platform", e);
            }
        }
    }

    /**
     * A derived key and IV. Both arrays are wiped by {@link #close()}.
     *
     * @param key the AES key
     * @param iv  the CBC initialisation vector
     */
    record KeyMaterial(byte[] key, byte[] iv) implements AutoCloseable {
        /** Wipes the key and IV. */
        @Override
        public void close() {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(iv, (byte) 0);
        }

        /** Never prints the key. */
        @Override
        public String toString() {
            return "KeyMaterial[<redacted>]";
        }
    }

    private KeyDerivation() {
    }

    /**
     * Derives key and IV: D1 = H(pass), Di = H(D(i-1) ‖ pass), concatenated until 32 bytes.
     *
     * @param digest     the digest
     * @param passphrase the passphrase bytes (ASCII decimal of the shared secret); not modified
     * @return the key material; the caller closes it
     */
    static KeyMaterial derive(Digest digest, byte[] passphrase) {
        MessageDigest md = digest.newDigest();
        byte[] out = new byte[2 * KEY_LENGTH];
        int filled = 0;
        byte[] previous = new byte[0];
        while (filled < out.length) {
            md.reset();
            md.update(previous);
            md.update(passphrase);
            byte[] block = md.digest();
            Arrays.fill(previous, (byte) 0);
            int n = Math.min(block.length, out.length - filled);
            System.arraycopy(block, 0, out, filled, n);
            filled += n;
            previous = block;
        }
        Arrays.fill(previous, (byte) 0);
        KeyMaterial material = new KeyMaterial(Arrays.copyOfRange(out, 0, KEY_LENGTH),
                Arrays.copyOfRange(out, KEY_LENGTH, 2 * KEY_LENGTH));
        Arrays.fill(out, (byte) 0);
        return material;
    }
}
