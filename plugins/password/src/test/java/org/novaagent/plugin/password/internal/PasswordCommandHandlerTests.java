/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.plugin.password.internal.KeyDerivation.Digest;
import org.novaagent.testkit.TestCommandContext;
import org.novaagent.api.support.Sha512Crypt;

/**
 * keyinit + password through the handlers, as nova drives them (real openssl on the host side),
 * against a scratch root: the new password is accepted, the old one rejected, and every failure
 * leaves the shadow file byte-identical.
 */
class PasswordCommandHandlerTests {

    @TempDir
    Path root;

    private TestCommandContext context;
    private final KeyInitCommandHandler keyinit = new KeyInitCommandHandler();
    private final PasswordCommandHandler password = new PasswordCommandHandler();

    @BeforeEach
    void setUp() throws Exception {
        ScratchRoot.create(root);
        context = Contexts.linux(root);
    }

    private HostSimulator keyExchange() throws Exception {
        HostSimulator host = new HostSimulator();
        CommandResult reply = keyinit.handle(CommandRequest.of("1", "keyinit", host.keyInitValue()), context);
        assertEquals("D0", reply.returnCode());
        host.receive(reply.message());
        return host;
    }

    private CommandResult send(String value) throws Exception {
        return password.handle(CommandRequest.of("2", "password", value), context);
    }

    private String storedHash(String user) throws Exception {
        return ScratchRoot.shadowEntry(root, user)[1];
    }

    @ParameterizedTest
    @ValueSource(strings = {"md5", "sha256"})
    void keyinitThenPasswordChangesRootPassword(String md) throws Exception {
        HostSimulator host = keyExchange();
        assertEquals(CommandResult.ok(), send(host.encrypt("Fresh-Pa55 €", md)));
        assertTrue(Sha512Crypt.verify("Fresh-Pa55 €".getBytes(StandardCharsets.UTF_8), storedHash("root")));
        assertFalse(Sha512Crypt.verify(ScratchRoot.OLD_ROOT_PASSWORD.getBytes(StandardCharsets.UTF_8),
                storedHash("root")));
        assertEquals("20455", ScratchRoot.shadowEntry(root, "root")[2]);
    }

    @Test
    void configuredUserIsUsed() throws Exception {
        context.putSetting("password.user", "alice");
        HostSimulator host = keyExchange();
        assertEquals(CommandResult.ok(), send(host.encrypt("AlicePw1", "md5")));
        assertTrue(Sha512Crypt.verify("AlicePw1".getBytes(StandardCharsets.UTF_8), storedHash("alice")));
        assertEquals(ScratchRoot.OLD_ROOT_HASH, storedHash("root"));
    }

    @Test
    void secretIsClearedAfterSuccess() throws Exception {
        HostSimulator host = keyExchange();
        String value = host.encrypt("OncePw-1", "md5");
        assertEquals("0", send(value).returnCode());
        byte[] after = ScratchRoot.shadowBytes(root);
        CommandResult replay = send(value);
        assertEquals(CommandResult.of("500", "Password without key exchange"), replay);
        assertArrayEquals(after, ScratchRoot.shadowBytes(root));
        assertFalse(context.sharedState(PasswordSession.class, PasswordSession::new).isEstablished());
    }

    @Test
    void twoPasswordsBackToBackWithAKeyinitBetween() throws Exception {
        HostSimulator first = keyExchange();
        assertEquals("0", send(first.encrypt("First-Pw1", "md5")).returnCode());
        HostSimulator second = keyExchange();
        assertEquals("0", send(second.encrypt("Second-Pw2", "md5")).returnCode());
        assertTrue(Sha512Crypt.verify("Second-Pw2".getBytes(StandardCharsets.UTF_8), storedHash("root")));
        assertFalse(Sha512Crypt.verify("First-Pw1".getBytes(StandardCharsets.UTF_8), storedHash("root")));
    }

    @Test
    void newKeyinitReplacesTheSecret() throws Exception {
        HostSimulator stale = keyExchange();
        HostSimulator fresh = keyExchange();
        byte[] before = ScratchRoot.shadowBytes(root);
        assertEquals(CommandResult.of("500", "Invalid password data received"),
                send(stale.encrypt("StalePw-1", "md5")));
        assertArrayEquals(before, ScratchRoot.shadowBytes(root));
        assertEquals("0", send(fresh.encrypt("FreshPw-1", "md5")).returnCode());
    }

    @Test
    void failedPasswordKeepsTheSessionForARetry() throws Exception {
        HostSimulator host = keyExchange();
        assertEquals("500", send("%%%").returnCode());
        assertEquals("0", send(host.encrypt("Retry-Pw1", "md5")).returnCode());
    }

    @Test
    void everyBadRequestGives500AndLeavesShadowByteIdentical() throws Exception {
        byte[] before = ScratchRoot.shadowBytes(root);
        assertEquals(CommandResult.of("500", "Password without key exchange"), send("OTfAog/nwyzIcYOhvCBL0w=="));
        HostSimulator host = keyExchange();
        String wrongPadding = PasswordCipherTests.encryptNoPadding(
                "rackspace\n\u0001\u0002\u0003\u0004\u0005\u0006".getBytes(StandardCharsets.US_ASCII),
                Digest.MD5, host.sharedSecret());
        List<String[]> cases = List.of(
                new String[] {"not base64!", "bad base64"},
                new String[] {"", "empty"},
                new String[] {wrongPadding, "bad padding"},
                new String[] {host.encrypt("", "md5"), "empty password"},
                new String[] {host.encrypt("x".repeat(256), "md5"), "too long"},
                new String[] {host.encrypt("tab\there", "md5"), "tab"},
                new String[] {host.encrypt("two\nlines", "md5"), "newline"},
                new String[] {host.encrypt("del\u007f", "sha256"), "DEL"});
        // one message for every kind of bad password data: no oracle (issue #19, finding 8)
        for (String[] c : cases) {
            assertEquals(CommandResult.of("500", "Invalid password data received"), send(c[0]), c[1]);
            assertArrayEquals(before, ScratchRoot.shadowBytes(root), c[1]);
        }
        assertEquals(List.of(), ScratchRoot.leftovers(root));
        context.putSetting("password.user", "ghost");
        assertEquals(CommandResult.of("500", "User ghost not found in /etc/shadow"),
                send(host.encrypt("Valid-Pw1", "md5")));
        assertArrayEquals(before, ScratchRoot.shadowBytes(root));
    }

    @Test
    void badKeyinitValuesGive500AndKeepNoSession() throws Exception {
        for (String value : new String[] {"", "abc", "1", "0", DiffieHellman.PRIME.toString(), "-7"}) {
            CommandResult r = keyinit.handle(CommandRequest.of("1", "keyinit", value), context);
            assertEquals("500", r.returnCode(), value);
            assertTrue(r.message().startsWith("Invalid key exchange value"), r.message());
        }
        assertEquals(CommandResult.of("500", "Password without key exchange"), send("OTfAog/nwyzIcYOhvCBL0w=="));
    }

    @Test
    void applicabilityFollowsTheOs() {
        assertTrue(password.isApplicable(context.hostFacts()));
        assertFalse(password.isApplicable(Contexts.windows(root).hostFacts()));
        assertTrue(keyinit.isApplicable(Contexts.windows(root).hostFacts()));
        assertEquals("password", password.name());
        assertEquals("keyinit", keyinit.name());
    }
}
