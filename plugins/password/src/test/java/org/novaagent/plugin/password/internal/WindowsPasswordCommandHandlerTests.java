/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.plugin.password.internal.windows.UnavailableWindowsAccounts;
import org.novaagent.plugin.password.internal.windows.WindowsAccountException;
import org.novaagent.plugin.password.internal.windows.WindowsAccounts;
import org.novaagent.testkit.TestCommandContext;

/** The Windows password handler around a fake {@link WindowsAccounts} (Win32 cannot run here). */
class WindowsPasswordCommandHandlerTests {

    /** Records what Windows would have been told; copies the password before the handler wipes it. */
    static final class FakeAccounts implements WindowsAccounts {
        Optional<String> admin = Optional.of("Administrateur");
        String failure;
        String account;
        String password;
        char[] passedArray;

        @Override
        public Optional<String> findAdministrator() {
            return admin;
        }

        @Override
        public void setPassword(String account, char[] password) throws WindowsAccountException {
            if (failure != null) {
                throw new WindowsAccountException(failure);
            }
            this.account = account;
            this.password = new String(password);
            this.passedArray = password;
        }
    }

    @TempDir
    Path root;

    private TestCommandContext context;
    private final FakeAccounts accounts = new FakeAccounts();
    private final WindowsPasswordCommandHandler handler = new WindowsPasswordCommandHandler(accounts);
    private final KeyInitCommandHandler keyinit = new KeyInitCommandHandler();

    @BeforeEach
    void setUp() {
        context = Contexts.windows(root);
    }

    private HostSimulator keyExchange() throws Exception {
        HostSimulator host = new HostSimulator();
        CommandResult reply = keyinit.handle(CommandRequest.of("1", "keyinit", host.keyInitValue()), context);
        host.receive(reply.message());
        return host;
    }

    private CommandResult send(String value) throws Exception {
        return handler.handle(CommandRequest.of("2", "password", value), context);
    }

    @Test
    void setsTheSid500AccountWhateverItIsCalled() throws Exception {
        HostSimulator host = keyExchange();
        assertEquals(CommandResult.ok(), send(host.encrypt("Wind0ws Pässword", "md5")));
        assertEquals("Administrateur", accounts.account);
        assertEquals("Wind0ws Pässword", accounts.password);
        assertArrayEquals(new char[accounts.passedArray.length], accounts.passedArray, "password chars wiped");
        assertEquals(CommandResult.of("500", "Password without key exchange"), send(host.encrypt("x", "md5")));
    }

    @Test
    void noAdministratorAccount() throws Exception {
        accounts.admin = Optional.empty();
        HostSimulator host = keyExchange();
        assertEquals(CommandResult.of("500", "No administrator account (SID ending in -500) found"),
                send(host.encrypt("Pw-12345", "md5")));
        assertNull(accounts.account);
    }

    @Test
    void win32FailureIsReportedAndTheSessionKept() throws Exception {
        accounts.failure = "NERR_PasswordTooShort (2245)";
        HostSimulator host = keyExchange();
        CommandResult r = send(host.encrypt("short", "md5"));
        assertEquals(CommandResult.of("500", "Failed to change password for Administrateur: NERR_PasswordTooShort (2245)"), r);
        accounts.failure = null;
        assertEquals("0", send(host.encrypt("Longer-Pw-1", "md5")).returnCode());
    }

    @Test
    void defaultBindingSaysItIsUnavailable() throws Exception {
        WindowsPasswordCommandHandler real = new WindowsPasswordCommandHandler();
        HostSimulator host = keyExchange();
        CommandResult r = real.handle(CommandRequest.of("2", "password", host.encrypt("Pw-12345", "md5")), context);
        assertEquals("500", r.returnCode());
        assertTrue(r.message().contains(UnavailableWindowsAccounts.MESSAGE), r.message());
    }

    @Test
    void badPasswordsNeverReachWindows() throws Exception {
        HostSimulator host = keyExchange();
        assertEquals("500", send(host.encrypt("bad\tpw", "md5")).returnCode());
        assertEquals("500", send("OTfAog/nwyzIcYOhvCBL0w==").returnCode());
        assertNull(accounts.account);
    }

    @Test
    void appliesOnlyToWindows() {
        assertTrue(handler.isApplicable(context.hostFacts()));
        assertFalse(handler.isApplicable(Contexts.linux(root).hostFacts()));
        assertEquals("password", handler.name());
    }
}
