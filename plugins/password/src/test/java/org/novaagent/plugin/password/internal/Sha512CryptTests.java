/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.novaagent.api.ProcessResult;
import org.novaagent.testkit.RequiredTool;
import org.novaagent.api.support.Sha512Crypt;

/** Our SHA-512 crypt against the published vector, openssl and Python's crypt (glibc/libxcrypt). */
class Sha512CryptTests {

    private static final String VECTOR =
            "$6$abcdefgh$N0v5eprOrPGdoyXDOIoz40jJlrUYMDTy0uqSaoQwOFKjmFmYIlNmQB45TrJBBlT7RMSBAajgBTfLbWof6NGji.";
    private static final String PRINTABLE =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !\"#%&'()*+,-./:;<=>?@[]^_`{|}~äöü€";

    @Test
    void publishedVector() {
        assertEquals(VECTOR, Sha512Crypt.crypt(utf8("S3cret!"), "$6$abcdefgh"));
        assertTrue(Sha512Crypt.verify(utf8("S3cret!"), VECTOR));
        assertFalse(Sha512Crypt.verify(utf8("S3cret?"), VECTOR));
    }

    @Test
    void explicitDefaultRoundsGiveTheSameBody() {
        String hash = Sha512Crypt.crypt(utf8("S3cret!"), "$6$rounds=5000$abcdefgh");
        assertEquals("$6$rounds=5000$abcdefgh$" + VECTOR.substring("$6$abcdefgh$".length()), hash);
        assertTrue(Sha512Crypt.verify(utf8("S3cret!"), hash));
    }

    @Test
    void newSaltHas16CharactersFromTheCryptAlphabet() {
        String salt = Sha512Crypt.newSalt(new SecureRandom());
        assertEquals(16, salt.length());
        assertTrue(salt.chars().allMatch(c -> Sha512Crypt.ALPHABET.indexOf(c) >= 0), salt);
    }

    @Test
    void agreesWithOpensslPasswdForRandomInputs() throws Exception {
        String openssl = RequiredTool.require("openssl", "reference SHA-512 crypt").toString();
        TestProcessRunner runner = new TestProcessRunner();
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 12; i++) {
            String password = randomPassword(random, i == 0 ? 80 : 1 + random.nextInt(40));
            String salt = Sha512Crypt.newSalt(random).substring(0, 1 + random.nextInt(16));
            ProcessResult r = runner.run(List.of(openssl, "passwd", "-6", "-salt", salt, "-stdin"),
                    utf8(password + "\n"), Duration.ofSeconds(30));
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals(r.stdout().strip(), Sha512Crypt.crypt(utf8(password), "$6$" + salt), "salt " + salt);
        }
    }

    @Test
    void agreesWithPythonCryptIncludingCustomRounds() throws Exception {
        String python = RequiredTool.require("/usr/bin/python3", "crypt module (libxcrypt)").toString();
        TestProcessRunner runner = new TestProcessRunner();
        SecureRandom random = new SecureRandom();
        String script = "import sys,crypt\n"
                + "pw, setting = sys.stdin.buffer.read().decode().split('\\x00')\n"
                + "print(crypt.crypt(pw, setting))\n";
        for (String setting : new String[] {"$6$" + Sha512Crypt.newSalt(random), "$6$rounds=1000$shortsalt",
            "$6$rounds=12345$" + Sha512Crypt.newSalt(random)}) {
            String password = randomPassword(random, 20);
            ProcessResult r = runner.run(List.of(python, "-W", "ignore", "-c", script),
                    utf8(password + "\0" + setting), Duration.ofSeconds(30));
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals(r.stdout().strip(), Sha512Crypt.crypt(utf8(password), setting));
        }
    }

    private static String randomPassword(SecureRandom random, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(PRINTABLE.charAt(random.nextInt(PRINTABLE.length())));
        }
        return sb.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
