/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import java.util.function.Supplier;
import org.novaagent.plugin.password.internal.windows.UnavailableWindowsAccounts;
import org.novaagent.plugin.password.internal.windows.WindowsAccounts;
import org.novaagent.plugin.password.internal.windows.nativeapi.Win32Accounts;

/**
 * Decides per request whether the real Win32 binding may run: only inside a Windows JVM and
 * only when the target is the live system. Anywhere else (Linux, a test, a scratch root)
 * the answer is {@link UnavailableWindowsAccounts}, and jnr-ffi is never touched.
 */
final class WindowsAccountsChooser {

    private final String osName;
    private final Supplier<WindowsAccounts> win32;
    private final WindowsAccounts unavailable;
    private WindowsAccounts created;

    /**
     * @param osName the JVM's {@code os.name}
     * @param win32  creates the Win32 binding (called at most once)
     */
    WindowsAccountsChooser(String osName, Supplier<WindowsAccounts> win32) {
        this(osName, win32, new UnavailableWindowsAccounts());
    }

    private WindowsAccountsChooser(String osName, Supplier<WindowsAccounts> win32, WindowsAccounts otherwise) {
        this.osName = osName == null ? "" : osName;
        this.win32 = win32;
        this.unavailable = otherwise;
    }

    /**
     * For tests: always {@code accounts}, whatever the OS and target.
     *
     * @param accounts a fake
     * @return the chooser
     */
    static WindowsAccountsChooser fixed(WindowsAccounts accounts) {
        return new WindowsAccountsChooser("", () -> accounts, accounts);
    }

    /** @return a chooser for this JVM, with the real {@link Win32Accounts} */
    static WindowsAccountsChooser forThisJvm() {
        return new WindowsAccountsChooser(System.getProperty("os.name"), Win32Accounts::new);
    }

    /**
     * @param liveSystem whether the request targets the live system ({@code CommandContext.liveSystem()})
     * @return the Win32 binding on a live Windows system, otherwise the unavailable one
     */
    synchronized WindowsAccounts choose(boolean liveSystem) {
        if (!liveSystem || !osName.startsWith("Windows")) {
            return unavailable;
        }
        if (created == null) {
            created = win32.get();
        }
        return created;
    }
}
