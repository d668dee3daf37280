/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.novaagent.api.ProcessResult;
import org.novaagent.testkit.RequiredTool;

/**
 * Drives the real {@code openssl} as nova does ({@code enc -aes-128-cbc -a -A -nosalt}); the
 * passphrase goes through the environment ({@code -pass env:}), never through argv.
 */
final class OpenSsl {

    private static final String VAR = "NOVA_TEST_PASS";

    private final String openssl;
    private final TestProcessRunner runner;

    private OpenSsl(String openssl, String passphrase) {
        this.openssl = openssl;
        this.runner = new TestProcessRunner(Map.of(VAR, passphrase));
    }

    /** @return openssl with this passphrase, or skip/fail when openssl is missing */
    static OpenSsl withPassphrase(String passphrase) {
        return new OpenSsl(RequiredTool.require("openssl", "reference AES/EVP_BytesToKey").toString(), passphrase);
    }

    /** Encrypts like nova's host side; {@code md} is md5 or sha256. Returns one-line base64. */
    String encrypt(byte[] plaintext, String md) throws IOException, InterruptedException {
        ProcessResult r = runner.run(List.of(openssl, "enc", "-aes-128-cbc", "-a", "-A", "-nosalt", "-md", md,
                "-pass", "env:" + VAR), plaintext, Duration.ofSeconds(30));
        if (!r.succeeded()) {
            throw new IOException("openssl enc failed: " + r.stderr());
        }
        return r.stdout().strip();
    }

    /** Decrypts one-line base64 with PKCS#7 unpadding; throws when openssl reports bad decrypt. */
    byte[] decrypt(String base64, String md) throws IOException, InterruptedException {
        return runner.runBytes(List.of(openssl, "enc", "-d", "-aes-128-cbc", "-a", "-A", "-nosalt", "-md", md,
                "-pass", "env:" + VAR), (base64 + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** @return {key-hex, iv-hex} in lower case, as printed by {@code -P} */
    String[] keyAndIv(String md) throws IOException, InterruptedException {
        ProcessResult r = runner.run(List.of(openssl, "enc", "-aes-128-cbc", "-nosalt", "-md", md, "-P",
                "-pass", "env:" + VAR), new byte[0], Duration.ofSeconds(30));
        String key = null;
        String iv = null;
        for (String line : r.stdout().split("\n")) {
            String[] kv = line.split("=", 2);
            if (kv.length == 2 && kv[0].strip().equals("key")) {
                key = kv[1].strip().toLowerCase();
            } else if (kv.length == 2 && kv[0].strip().equals("iv")) {
                iv = kv[1].strip().toLowerCase();
            }
        }
        if (key == null || iv == null) {
            throw new IOException("openssl -P printed no key/iv: " + r.stdout() + r.stderr());
        }
        return new String[] {key, iv};
    }
}
