/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.plugin.password.internal.KeyDerivation.Digest;
import org.novaagent.plugin.password.internal.KeyDerivation.KeyMaterial;
import org.novaagent.testkit.TestCommandContext;

/**
 * Runs every keyinit/password path with slf4j-simple at DEBUG writing to a captured System.err
 * and checks that neither plaintext passwords, the shared secret nor the derived key or IV
 * appear in the log or in any reply.
 */
class NoSecretsInLogsTests {

    @TempDir
    Path root;

    @Test
    void noSecretReachesTheLogOrTheReplies() throws Exception {
        ScratchRoot.create(root);
        TestCommandContext context = Contexts.linux(root);
        KeyInitCommandHandler keyinit = new KeyInitCommandHandler();
        PasswordCommandHandler password = new PasswordCommandHandler();
        List<String> secrets = new ArrayList<>();
        List<CommandResult> replies = new ArrayList<>();

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            replies.add(password.handle(CommandRequest.of("0", "password", "OTfAog/nwyzIcYOhvCBL0w=="), context));
            HostSimulator host = new HostSimulator();
            CommandResult d0 = keyinit.handle(CommandRequest.of("1", "keyinit", host.keyInitValue()), context);
            host.receive(d0.message());
            secrets.add(host.sharedSecret());
            for (Digest d : Digest.values()) {
                try (KeyMaterial km = KeyDerivation.derive(d, host.sharedSecret().getBytes(StandardCharsets.US_ASCII))) {
                    secrets.add(HexFormat.of().formatHex(km.key()));
                    secrets.add(HexFormat.of().formatHex(km.iv()));
                }
            }
            // invalid plaintexts: each is rejected after decryption, so the session survives
            String[][] plaintexts = {{"", ""}, {"Tab\tSecret-Pw", "Secret-Pw"}, {"NewLine\nSecret-Pw", "NewLine"},
                {"Long-Secret-" + "y".repeat(250), "Long-Secret-"}, {"Ctl\u0007Secret-Pw", "Ctl"}};
            for (String[] p : plaintexts) {
                if (!p[1].isEmpty()) {
                    secrets.add(p[1]);
                }
                replies.add(password.handle(CommandRequest.of("2", "password", host.encrypt(p[0], "md5")), context));
            }
            replies.add(password.handle(CommandRequest.of("3", "password", "not base64"), context));
            replies.add(password.handle(CommandRequest.of("4", "password", PasswordCipherTests.encryptNoPadding(
                    "Pad-Secret-Pw\u0003\u0002\u0001".getBytes(StandardCharsets.US_ASCII), Digest.MD5,
                    host.sharedSecret())), context));
            secrets.add("Pad-Secret-Pw");
            context.putSetting("password.user", "ghost");
            replies.add(password.handle(CommandRequest.of("5", "password", host.encrypt("Ghost-Secret-Pw", "sha256")),
                    context));
            secrets.add("Ghost-Secret-Pw");
            context.putSetting("password.user", null);
            replies.add(password.handle(CommandRequest.of("6", "password", host.encrypt("Good-Secret-Pw", "md5")),
                    context));
            secrets.add("Good-Secret-Pw");
            replies.add(keyinit.handle(CommandRequest.of("7", "keyinit", "12x"), context));
        } finally {
            System.err.flush();
            System.setErr(originalErr);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        // the capture works and covers the error paths, so the absence checks below mean something
        assertTrue(log.contains("Password without key exchange"), log);
        assertTrue(log.contains("User ghost not found in /etc/shadow"), log);
        assertTrue(log.contains("decrypted with the SHA256 key derivation"), log);
        assertTrue(log.contains("did not decrypt with the MD5 key derivation"), "DEBUG is on: " + log);
        assertEquals("0", replies.get(replies.size() - 2).returnCode());
        for (String secret : secrets) {
            assertFalse(log.contains(secret), "log contains a secret");
            for (CommandResult r : replies) {
                assertFalse(r.message().contains(secret), "reply contains a secret");
            }
        }
    }
}
