/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import java.util.function.Supplier;
import org.novaagent.plugin.password.internal.windows.UnavailableWindowsAccounts;
import org.novaagent.plugin.password.internal.windows.WindowsAccounts;
import org.novaagent.plugin.password.internal.windows.nativeapi.Win32Accounts;

/**
 * Decides per request whether the real Win32 binding may run: only inside a Windows JVM and
 * only when the target is the live system. Anywhere else (Linux, a test, a scratch root)
 * the answer is {@link UnavailableWindowsAccounts}, and jnr-ffi is never touched, except for one
 * test rig: on a root other than the live system, the JVM property {@value #STAND_IN_PROPERTY}
 * names a library of C stand-ins for the three DLLs, loaded through the same bindings (so a
 * {@code --root} run over a Windows-shaped root exercises the real marshalling). A property, not
 * a configuration key: only whoever starts the JVM can set it, and never for the live system.
 */
final class WindowsAccountsChooser {

    /** The JVM property naming the stand-in library for non-live roots (tests only). */
    static final String STAND_IN_PROPERTY = "novaagent.win32.stand-in";

    private final String osName;
    private final Supplier<WindowsAccounts> win32;
    private final WindowsAccounts unavailable;
    private final Supplier<WindowsAccounts> standIn;
    private WindowsAccounts created;
    private WindowsAccounts createdStandIn;

    /**
     * @param osName the JVM's {@code os.name}
     * @param win32  creates the Win32 binding (called at most once)
     */
    WindowsAccountsChooser(String osName, Supplier<WindowsAccounts> win32) {
        this(osName, win32, new UnavailableWindowsAccounts());
    }

    private WindowsAccountsChooser(String osName, Supplier<WindowsAccounts> win32, WindowsAccounts otherwise) {
        this(osName, win32, otherwise, null);
    }

    private WindowsAccountsChooser(String osName, Supplier<WindowsAccounts> win32, WindowsAccounts otherwise,
                                   Supplier<WindowsAccounts> standIn) {
        this.osName = osName == null ? "" : osName;
        this.win32 = win32;
        this.unavailable = otherwise;
        this.standIn = standIn;
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
        String lib = System.getProperty(STAND_IN_PROPERTY);
        return new WindowsAccountsChooser(System.getProperty("os.name"), Win32Accounts::new,
                new UnavailableWindowsAccounts(), lib == null || lib.isBlank() ? null : () -> Win32Accounts.standIn(lib));
    }

    /**
     * @param liveSystem whether the request targets the live system ({@code CommandContext.liveSystem()})
     * @return the Win32 binding on a live Windows system, otherwise the unavailable one
     */
    synchronized WindowsAccounts choose(boolean liveSystem) {
        if (!liveSystem && standIn != null) {
            if (createdStandIn == null) {
                createdStandIn = standIn.get();
            }
            return createdStandIn;
        }
        if (!liveSystem || !osName.startsWith("Windows")) {
            return unavailable;
        }
        if (created == null) {
            created = win32.get();
        }
        return created;
    }
}
