/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import java.util.Optional;

/**
 * The {@link WindowsAccounts} used until a Win32 binding ships: every call fails with a clear
 * message, so a Windows guest gets an honest {@code "500"} instead of a silent no-op.
 */
final class UnavailableWindowsAccounts implements WindowsAccounts {

    static final String MESSAGE = "Win32 account binding is not available in this build";

    @Override
    public Optional<String> findAdministrator() throws WindowsAccountException {
        throw new WindowsAccountException(MESSAGE);
    }

    @Override
    public void setPassword(String account, char[] password) throws WindowsAccountException {
        throw new WindowsAccountException(MESSAGE);
    }
}
