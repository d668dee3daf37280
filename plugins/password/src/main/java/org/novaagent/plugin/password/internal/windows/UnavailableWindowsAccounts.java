/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal.windows;

import java.util.Optional;

/**
 * The {@link WindowsAccounts} used wherever the Win32 binding must not run (not Windows, or a
 * scratch root rather than the live system): every call fails with a clear message, so the host
 * gets an honest {@code "500"} instead of a silent no-op.
 */
public final class UnavailableWindowsAccounts implements WindowsAccounts {

    /** The host-safe message every call fails with. */
    public static final String MESSAGE = "the Win32 account API is only used on a live Windows system";

    @Override
    public Optional<String> findAdministrator() throws WindowsAccountException {
        throw new WindowsAccountException(MESSAGE);
    }

    @Override
    public void setPassword(String account, char[] password) throws WindowsAccountException {
        throw new WindowsAccountException(MESSAGE);
    }
}
