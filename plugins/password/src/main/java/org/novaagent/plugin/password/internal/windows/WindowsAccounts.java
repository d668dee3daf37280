/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal.windows;

import java.util.Optional;

/**
 * The two Win32 account operations the Windows password handler needs, behind an interface so
 * everything around them is tested on Linux. The real implementation
 * ({@code nativeapi.Win32Accounts}) uses {@code NetUserEnum}/{@code NetUserGetInfo} (level 23,
 * SID) and {@code NetUserSetInfo} (level 1003) from {@code netapi32.dll}; never {@code net user}
 * on a command line.
 */
public interface WindowsAccounts {

    /**
     * Finds the built-in administrator: the local account whose SID ends in {@code -500},
     * whatever it is called (on a domain controller, the domain's own -500 account).
     *
     * @return the account name, or empty when there is none
     * @throws WindowsAccountException when the accounts cannot be listed
     */
    Optional<String> findAdministrator() throws WindowsAccountException;

    /**
     * Sets an account's password.
     *
     * @param account  the account name
     * @param password the password; the caller wipes it afterwards, implementations must not
     *                 keep it
     * @throws WindowsAccountException when Windows refuses (message without the password)
     */
    void setPassword(String account, char[] password) throws WindowsAccountException;
}
