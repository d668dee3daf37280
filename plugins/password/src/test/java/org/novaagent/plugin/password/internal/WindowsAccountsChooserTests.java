/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.novaagent.plugin.password.internal.windows.UnavailableWindowsAccounts;
import org.novaagent.plugin.password.internal.windows.WindowsAccounts;
import org.novaagent.plugin.password.internal.windows.nativeapi.Win32Accounts;

/** The Win32 binding only for a live target inside a Windows JVM; "unavailable" everywhere else. */
class WindowsAccountsChooserTests {

    private int created;

    private final WindowsAccounts marker = new WindowsAccounts() {
        @Override
        public Optional<String> findAdministrator() {
            return Optional.of("marker");
        }

        @Override
        public void setPassword(String account, char[] password) {
        }
    };

    private WindowsAccountsChooser chooser(String osName) {
        return new WindowsAccountsChooser(osName, () -> {
            created++;
            return marker;
        });
    }

    @Test
    void liveWindowsGetsTheBindingCreatedOnce() {
        WindowsAccountsChooser c = chooser("Windows Server 2022");
        assertEquals(0, created, "nothing is created before the first request");
        assertSame(marker, c.choose(true));
        assertSame(marker, c.choose(true));
        assertEquals(1, created);
    }

    @Test
    void scratchRootOnWindowsIsUnavailable() {
        assertInstanceOf(UnavailableWindowsAccounts.class, chooser("Windows 11").choose(false));
        assertEquals(0, created);
    }

    @Test
    void otherOperatingSystemsAreUnavailable() {
        for (String os : new String[] {"Linux", "Mac OS X", "FreeBSD", "", null, "windows 10"}) {
            assertInstanceOf(UnavailableWindowsAccounts.class, chooser(os).choose(true), String.valueOf(os));
        }
        assertEquals(0, created);
    }

    @Test
    void theRealSupplierBuildsWin32AccountsWithoutLoadingAnything() {
        WindowsAccounts real = new WindowsAccountsChooser("Windows Server 2019", Win32Accounts::new).choose(true);
        assertInstanceOf(Win32Accounts.class, real);
    }

    @Test
    void thisJvmOnLinuxIsUnavailableEvenForTheLiveSystem() {
        Assumptions.assumeFalse(System.getProperty("os.name").startsWith("Windows"), "checks the non-Windows choice");
        assertInstanceOf(UnavailableWindowsAccounts.class, WindowsAccountsChooser.forThisJvm().choose(true));
    }

    @Test
    void fixedIgnoresOsAndTarget() {
        WindowsAccountsChooser fixed = WindowsAccountsChooser.fixed(marker);
        assertSame(marker, fixed.choose(false));
        assertSame(marker, fixed.choose(true));
    }
}
