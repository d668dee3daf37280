/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal.windows.nativeapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jnr.ffi.Pointer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.novaagent.plugin.password.internal.windows.WindowsAccountException;

/**
 * {@link Win32Accounts} against Java fakes of the DLLs ({@link FakeWin32}) that lay out real
 * native memory as Windows documents it. The DLLs themselves cannot be called here (Linux).
 */
class Win32AccountsTests {

    private static final String DOMAIN = "S-1-5-21-3623811015-3361044348-30300820-";

    private final FakeWin32 fake = new FakeWin32();
    private final List<Pointer> allocated = new ArrayList<>();
    private int loads;
    private final Win32Accounts accounts = new Win32Accounts(() -> {
        loads++;
        return fake.api();
    }, (runtime, chars) -> {
        Pointer p = WideStrings.toNative(runtime, chars);
        allocated.add(p);
        return p;
    });

    private void decoysThenAdministrator() {
        fake.accounts.put("Guest", DOMAIN + "501");
        fake.accounts.put("svc5001", DOMAIN + "5001");
        fake.accounts.put("ops1500", DOMAIN + "1500");
        fake.accounts.put("Administrateur", DOMAIN + "500");
        fake.accounts.put("later", DOMAIN + "1001");
    }

    private void assertEverythingFreed() {
        assertTrue(fake.netApiBuffers.isEmpty(), "NetApiBufferFree missing for " + fake.netApiBuffers.size());
        assertTrue(fake.localBuffers.isEmpty(), "LocalFree missing for " + fake.localBuffers.size());
    }

    @Test
    void findsTheRid500AccountAcrossPagesAndFreesEveryBuffer() throws Exception {
        decoysThenAdministrator();
        fake.pageSize = 2;
        assertEquals(Optional.of("Administrateur"), accounts.findAdministrator());
        assertEquals(4, fake.localFrees, "one SID string per account looked at");
        assertEquals(2 + 4, fake.netApiFrees, "two enum pages and four USER_INFO_23");
        assertEverythingFreed();
    }

    @Test
    void noRid500AccountIsEmpty() throws Exception {
        fake.accounts.put("Guest", DOMAIN + "501");
        fake.accounts.put("svc5001", DOMAIN + "5001");
        fake.pageSize = 1;
        assertEquals(Optional.empty(), accounts.findAdministrator());
        assertEverythingFreed();
    }

    @Test
    void anAccountDeletedDuringTheScanIsSkipped() throws Exception {
        decoysThenAdministrator();
        fake.vanished.add("svc5001");
        assertEquals(Optional.of("Administrateur"), accounts.findAdministrator());
        assertEverythingFreed();
    }

    @Test
    void enumFailureIsNamed() {
        fake.enumStatus = 5;
        WindowsAccountException e = assertThrows(WindowsAccountException.class, accounts::findAdministrator);
        assertTrue(e.getMessage().startsWith("NetUserEnum failed: ERROR_ACCESS_DENIED (5)"), e.getMessage());
    }

    @Test
    void sidConversionFailureReportsTheLastErrorAndFrees() {
        decoysThenAdministrator();
        fake.convertLastError = 1337;
        WindowsAccountException e = assertThrows(WindowsAccountException.class, accounts::findAdministrator);
        assertEquals("ConvertSidToStringSidW failed: Win32 error 1337", e.getMessage());
        assertEverythingFreed();
    }

    @Test
    void setsThePasswordThroughLevel1003AndWipesTheNativeBuffer() throws Exception {
        char[] password = "Wind0ws Pässword \uD83D\uDD11".toCharArray();
        accounts.setPassword("Administrateur", password);
        assertEquals(1003, fake.setLevel);
        assertEquals("Administrateur", fake.setAccount);
        assertEquals("Wind0ws Pässword \uD83D\uDD11", fake.setPasswordSeen);
        Pointer secret = allocated.get(1);
        assertEquals(fake.setPasswordBuffer.address(), secret.address(), "USER_INFO_1003 points at our buffer");
        assertEquals(2L * (password.length + 1), secret.size());
        for (long i = 0; i < secret.size(); i++) {
            assertEquals(0, secret.getByte(i), "byte " + i + " of the password buffer not wiped");
        }
        assertFalse(allZero(allocated.get(0)), "the account name buffer is not a secret and stays");
    }

    @Test
    void policyRefusalIsClearAndLeavesNoPasswordBehind() {
        fake.setStatus = 2245;
        WindowsAccountException e = assertThrows(WindowsAccountException.class,
                () -> accounts.setPassword("Administrator", "short".toCharArray()));
        assertEquals("NetUserSetInfo failed: NERR_PasswordTooShort (2245): the password does not meet the "
                + "password policy (length, complexity or history)", e.getMessage());
        assertFalse(e.getMessage().contains("short\u0000") || e.getMessage().contains("\"short\""));
        assertTrue(allZero(allocated.get(1)), "wiped after a failure too");
    }

    @Test
    void invalidParameterNamesTheField() {
        fake.setStatus = 87;
        fake.setParmErr = 1003;
        WindowsAccountException e = assertThrows(WindowsAccountException.class,
                () -> accounts.setPassword("Administrator", "Pw-12345".toCharArray()));
        assertEquals("NetUserSetInfo failed: ERROR_INVALID_PARAMETER (87): a parameter is invalid (parm_err 1003)",
                e.getMessage());
    }

    @Test
    void loadsTheBindingsOnceAndOnlyOnFirstUse() throws Exception {
        assertEquals(0, loads);
        accounts.setPassword("Administrator", "Pw-12345".toCharArray());
        accounts.findAdministrator();
        assertEquals(1, loads);
    }

    @Test
    void theRealConstructorLoadsNothingAndFailsCleanlyOffWindows() {
        Assumptions.assumeFalse(System.getProperty("os.name").startsWith("Windows"), "checks the non-Windows answer");
        Win32Accounts real = new Win32Accounts();
        WindowsAccountException e = assertThrows(WindowsAccountException.class, real::findAdministrator);
        assertTrue(e.getMessage().startsWith("the Win32 account API could not be loaded"), e.getMessage());
        assertThrows(WindowsAccountException.class, () -> real.setPassword("Administrator", "x".toCharArray()));
    }

    private static boolean allZero(Pointer p) {
        for (long i = 0; i < p.size(); i++) {
            if (p.getByte(i) != 0) {
                return false;
            }
        }
        return true;
    }
}
