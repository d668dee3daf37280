/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import java.util.Arrays;
import java.util.Optional;
import org.novaagent.api.Applicability;
import org.novaagent.api.CommandContext;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.CommandRequest;
import org.novaagent.api.CommandResult;
import org.novaagent.api.HostFacts;
import org.novaagent.plugin.password.internal.windows.WindowsAccountException;
import org.novaagent.plugin.password.internal.windows.WindowsAccounts;

/**
 * Serves {@code password} on Windows guests (docs/protocol.md §2.6, §3.7): same decryption as Linux,
 * then the built-in administrator (SID ending in -500) gets the password through
 * {@link WindowsAccounts}: the Win32 binding on a live Windows system, an honest "unavailable"
 * anywhere else ({@link WindowsAccountsChooser}).
 */
public final class WindowsPasswordCommandHandler implements CommandHandler {

    private final WindowsAccountsChooser chooser;

    /** ServiceLoader constructor: Win32 on a live Windows system (loaded on first use only). */
    public WindowsPasswordCommandHandler() {
        this(WindowsAccountsChooser.forThisJvm());
    }

    /** Tests: always these accounts, whatever the OS and target. */
    WindowsPasswordCommandHandler(WindowsAccounts accounts) {
        this(WindowsAccountsChooser.fixed(accounts));
    }

    WindowsPasswordCommandHandler(WindowsAccountsChooser chooser) {
        this.chooser = chooser;
    }

    @Override
    public String name() {
        return "password";
    }

    @Override
    public Applicability applicability(HostFacts facts) {
        if (facts.isWindows()) {
            return Applicability.yes("sets the built-in administrator's password");
        }
        return Applicability.no("not a Windows guest");
    }

    @Override
    public CommandResult handle(CommandRequest request, CommandContext context) throws InterruptedException {
        WindowsAccounts accounts = chooser.choose(context.liveSystem());
        return PasswordFlow.run(request, context, password -> apply(accounts, password));
    }

    private static void apply(WindowsAccounts accounts, PlainPassword password) throws PasswordException {
        String account;
        try {
            Optional<String> found = accounts.findAdministrator();
            if (found.isEmpty()) {
                throw new PasswordException("No administrator account (SID ending in -500) found");
            }
            account = found.get();
        } catch (WindowsAccountException e) {
            throw new PasswordException("Failed to find the administrator account: " + e.getMessage());
        }
        char[] chars = password.toChars();
        try {
            accounts.setPassword(account, chars);
        } catch (WindowsAccountException e) {
            throw new PasswordException("Failed to change password for " + account + ": " + e.getMessage());
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}
