/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * SHA-512 crypt ({@code $6$}), the glibc/libxcrypt algorithm by Ulrich Drepper, in Java so a
 * shadow file can be written (the password plugin) and checked (the demo's host side) without
 * native code. The one implementation in the project: it lives here, in {@code java.base}-only
 * support code, because a plugin and the host simulator may not depend on each other. Checked
 * against Drepper's published vectors ({@code Sha512CryptTests} here) and against the real
 * {@code openssl passwd -6} and Python's crypt (the password plugin's tests). Stateless and
 * thread-safe; intermediate digests are zeroed.
 */
public final class Sha512Crypt {

    /** The {@code $6$} prefix. */
    public static final String PREFIX = "$6$";
    /** Rounds used when the setting names none. */
    public static final int DEFAULT_ROUNDS = 5000;
    /** Salt alphabet of crypt(3). */
    public static final String ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static final String ROUNDS = "rounds=";
    private static final int MIN_ROUNDS = 1000;
    private static final int MAX_ROUNDS = 999_999_999;
    private static final int MAX_SALT = 16;
    private static final int[][] ORDER = {
        {0, 21, 42}, {22, 43, 1}, {44, 2, 23}, {3, 24, 45}, {25, 46, 4}, {47, 5, 26}, {6, 27, 48},
        {28, 49, 7}, {50, 8, 29}, {9, 30, 51}, {31, 52, 10}, {53, 11, 32}, {12, 33, 54},
        {34, 55, 13}, {56, 14, 35}, {15, 36, 57}, {37, 58, 16}, {59, 17, 38}, {18, 39, 60},
        {40, 61, 19}, {62, 20, 41},
    };

    private Sha512Crypt() {
    }

    /**
     * @param random the source of randomness (a {@link SecureRandom})
     * @return a new 16-character salt from the crypt alphabet
     */
    public static String newSalt(SecureRandom random) {
        StringBuilder salt = new StringBuilder(MAX_SALT);
        for (int i = 0; i < MAX_SALT; i++) {
            salt.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return salt.toString();
    }

    /**
     * Hashes a password.
     *
     * @param key     the password bytes (UTF-8); not modified
     * @param setting {@code $6$salt}, {@code $6$rounds=N$salt} or a full hash to take them from
     * @return the full hash, for example {@code $6$salt$...}
     * @throws IllegalArgumentException when the setting is not a {@code $6$} setting
     */
    public static String crypt(byte[] key, String setting) {
        if (!setting.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a $6$ setting");
        }
        String rest = setting.substring(PREFIX.length());
        int rounds = DEFAULT_ROUNDS;
        boolean customRounds = false;
        if (rest.startsWith(ROUNDS)) {
            int dollar = rest.indexOf('$');
            if (dollar < 0) {
                throw new IllegalArgumentException("rounds= without a salt");
            }
            long parsed = Long.parseLong(rest.substring(ROUNDS.length(), dollar));
            rounds = (int) Math.max(MIN_ROUNDS, Math.min(MAX_ROUNDS, parsed));
            customRounds = true;
            rest = rest.substring(dollar + 1);
        }
        int end = rest.indexOf('$');
        String salt = end < 0 ? rest : rest.substring(0, end);
        if (salt.length() > MAX_SALT) {
            salt = salt.substring(0, MAX_SALT);
        }
        byte[] digest = hash(key, salt.getBytes(StandardCharsets.US_ASCII), rounds);
        StringBuilder out = new StringBuilder(PREFIX);
        if (customRounds) {
            out.append(ROUNDS).append(rounds).append('$');
        }
        out.append(salt).append('$');
        for (int[] o : ORDER) {
            encode(out, digest[o[0]], digest[o[1]], digest[o[2]], 4);
        }
        encode(out, (byte) 0, (byte) 0, digest[63], 2);
        Arrays.fill(digest, (byte) 0);
        return out.toString();
    }

    /**
     * @param key      the candidate password bytes
     * @param fullHash a stored hash, for example the second field of a shadow line
     * @return true when it is a {@code $6$} hash of the password; false for any other scheme
     *         ({@code $y$}, {@code *}, {@code !}) or a malformed hash
     */
    public static boolean verify(byte[] key, String fullHash) {
        if (!fullHash.startsWith(PREFIX) || fullHash.lastIndexOf('$') < PREFIX.length()) {
            return false;
        }
        byte[] expected = fullHash.getBytes(StandardCharsets.US_ASCII);
        byte[] actual;
        try {
            actual = crypt(key, fullHash).getBytes(StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) { // rounds=<not a number>
            return false;
        }
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] hash(byte[] key, byte[] salt, int rounds) {
        MessageDigest md = sha512();
        md.update(key);
        md.update(salt);
        md.update(key);
        byte[] b = md.digest();

        md.update(key);
        md.update(salt);
        int cnt;
        for (cnt = key.length; cnt > 64; cnt -= 64) {
            md.update(b, 0, 64);
        }
        md.update(b, 0, cnt);
        for (cnt = key.length; cnt > 0; cnt >>= 1) {
            if ((cnt & 1) != 0) {
                md.update(b, 0, 64);
            } else {
                md.update(key);
            }
        }
        byte[] a = md.digest();

        for (int i = 0; i < key.length; i++) {
            md.update(key);
        }
        byte[] p = repeat(md.digest(), key.length);
        for (int i = 0; i < 16 + (a[0] & 0xff); i++) {
            md.update(salt);
        }
        byte[] s = repeat(md.digest(), salt.length);

        byte[] c = a;
        for (int i = 0; i < rounds; i++) {
            md.update((i & 1) != 0 ? p : c);
            if (i % 3 != 0) {
                md.update(s);
            }
            if (i % 7 != 0) {
                md.update(p);
            }
            md.update((i & 1) != 0 ? c : p);
            byte[] next = md.digest();
            Arrays.fill(c, (byte) 0);
            c = next;
        }
        Arrays.fill(b, (byte) 0);
        Arrays.fill(p, (byte) 0);
        return c;
    }

    private static byte[] repeat(byte[] block, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = block[i % block.length];
        }
        Arrays.fill(block, (byte) 0);
        return out;
    }

    private static void encode(StringBuilder out, byte b2, byte b1, byte b0, int n) {
        int w = ((b2 & 0xff) << 16) | ((b1 & 0xff) << 8) | (b0 & 0xff);
        for (int i = 0; i < n; i++) {
            out.append(ALPHABET.charAt(w & 0x3f));
            w >>>= 6;
        }
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is required by every Java platform", e);
        }
    }
}
