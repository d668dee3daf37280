/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * glibc's SHA-512 crypt ({@code $6$}, Drepper's specification), so the demo can check the shadow
 * hash the agent wrote against the demo password on a machine without openssl or mkpasswd.
 */
public final class Sha512Crypt {

    private static final String ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int DEFAULT_ROUNDS = 5000;

    private Sha512Crypt() {
    }

    /**
     * @param password the clear text
     * @param hash     a shadow hash such as {@code $6$salt$...} or {@code $6$rounds=N$salt$...}
     * @return true when the hash is a {@code $6$} hash of the password
     */
    public static boolean verify(String password, String hash) {
        if (!hash.startsWith("$6$")) {
            return false;
        }
        int end = hash.lastIndexOf('$');
        if (end <= 3) {
            return false;
        }
        String computed = crypt(password, hash.substring(0, end));
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * @param password the clear text
     * @param setting  {@code $6$salt} or {@code $6$rounds=N$salt} (a trailing {@code $hash} is ignored)
     * @return the full crypt string
     */
    public static String crypt(String password, String setting) {
        if (!setting.startsWith("$6$")) {
            throw new IllegalArgumentException("not a SHA-512 crypt setting");
        }
        String rest = setting.substring(3);
        int rounds = DEFAULT_ROUNDS;
        boolean explicitRounds = false;
        if (rest.startsWith("rounds=")) {
            int dollar = rest.indexOf('$');
            if (dollar < 0) {
                throw new IllegalArgumentException("bad rounds in crypt setting");
            }
            rounds = Math.max(1000, Math.min(999_999_999, Integer.parseInt(rest.substring(7, dollar))));
            explicitRounds = true;
            rest = rest.substring(dollar + 1);
        }
        int dollar = rest.indexOf('$');
        String saltText = dollar >= 0 ? rest.substring(0, dollar) : rest;
        if (saltText.length() > 16) {
            saltText = saltText.substring(0, 16);
        }
        byte[] p = password.getBytes(StandardCharsets.UTF_8);
        byte[] s = saltText.getBytes(StandardCharsets.UTF_8);

        MessageDigest md = sha512();
        md.update(p);
        md.update(s);
        md.update(p);
        byte[] b = md.digest();

        md.update(p);
        md.update(s);
        int cnt;
        for (cnt = p.length; cnt > 64; cnt -= 64) {
            md.update(b, 0, 64);
        }
        md.update(b, 0, cnt);
        for (cnt = p.length; cnt > 0; cnt >>= 1) {
            if ((cnt & 1) != 0) {
                md.update(b, 0, 64);
            } else {
                md.update(p);
            }
        }
        byte[] a = md.digest();

        for (int i = 0; i < p.length; i++) {
            md.update(p);
        }
        byte[] pSeq = repeat(md.digest(), p.length);
        for (int i = 0; i < 16 + (a[0] & 0xFF); i++) {
            md.update(s);
        }
        byte[] sSeq = repeat(md.digest(), s.length);

        byte[] c = a;
        for (int i = 0; i < rounds; i++) {
            md.update((i & 1) != 0 ? pSeq : c);
            if (i % 3 != 0) {
                md.update(sSeq);
            }
            if (i % 7 != 0) {
                md.update(pSeq);
            }
            md.update((i & 1) != 0 ? c : pSeq);
            c = md.digest();
        }

        StringBuilder out = new StringBuilder("$6$");
        if (explicitRounds) {
            out.append("rounds=").append(rounds).append('$');
        }
        out.append(saltText).append('$');
        for (int i = 0; i < 21; i++) {
            byte x = c[i], y = c[i + 21], z = c[i + 42];
            switch (i % 3) {
                case 0 -> b64(out, x, y, z, 4);
                case 1 -> b64(out, y, z, x, 4);
                default -> b64(out, z, x, y, 4);
            }
        }
        b64(out, (byte) 0, (byte) 0, c[63], 2);
        Arrays.fill(pSeq, (byte) 0);
        return out.toString();
    }

    /** Byte order of glibc: (0,21,42), (22,43,1), (44,2,23), ... i.e. a rotation per group. */
    private static void b64(StringBuilder out, byte b2, byte b1, byte b0, int n) {
        int w = ((b2 & 0xFF) << 16) | ((b1 & 0xFF) << 8) | (b0 & 0xFF);
        for (int i = 0; i < n; i++) {
            out.append(ITOA64.charAt(w & 0x3F));
            w >>>= 6;
        }
    }

    private static byte[] repeat(byte[] block, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = block[i % block.length];
        }
        return out;
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks SHA-512", e);
        }
    }
}
