/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Win32 and NERR numbers become names and meanings the host operator can act on. */
class Win32ErrorsTests {

    @Test
    void passwordPolicy() {
        assertEquals("NERR_PasswordTooShort (2245): the password does not meet the password policy "
                + "(length, complexity or history)", Win32Errors.describe(2245));
    }

    @Test
    void userNotFoundAndAccessDenied() {
        assertEquals("NERR_UserNotFound (2221): the user name could not be found", Win32Errors.describe(2221));
        assertEquals("ERROR_ACCESS_DENIED (5): access denied (the agent must run as LocalSystem or an administrator)",
                Win32Errors.describe(5));
    }

    @Test
    void constantsMatchTheWindowsHeaders() {
        assertEquals(0, Win32Errors.SUCCESS);
        assertEquals(5, Win32Errors.ACCESS_DENIED);
        assertEquals(87, Win32Errors.INVALID_PARAMETER);
        assertEquals(234, Win32Errors.MORE_DATA);
        assertEquals(2100 + 121, Win32Errors.USER_NOT_FOUND);
        assertEquals(2100 + 145, Win32Errors.PASSWORD_TOO_SHORT);
        assertEquals("NERR_PasswordHistConflict (2244): the password was used recently (password history)",
                Win32Errors.describe(2100 + 144));
    }

    @Test
    void unknownNumbersAreShownUnsigned() {
        assertEquals("Win32 error 1234", Win32Errors.describe(1234));
        assertEquals("Win32 error 4294967295", Win32Errors.describe(-1));
    }
}
