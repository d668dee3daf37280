/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal.windows;

import java.util.Map;

/**
 * Turns the {@code NET_API_STATUS} and Win32 error numbers the account calls return into
 * host-safe text (symbolic name, number, meaning), so the host learns why Windows refused.
 */
public final class Win32Errors {

    /** NERR_Success / ERROR_SUCCESS. */
    public static final int SUCCESS = 0;
    /** ERROR_ACCESS_DENIED. */
    public static final int ACCESS_DENIED = 5;
    /** ERROR_INVALID_PARAMETER: {@code parm_err} then names the bad field. */
    public static final int INVALID_PARAMETER = 87;
    /** ERROR_MORE_DATA: {@code NetUserEnum} has another page. */
    public static final int MORE_DATA = 234;
    /** NERR_UserNotFound. */
    public static final int USER_NOT_FOUND = 2221;
    /** NERR_PasswordTooShort: any password policy failure, not only length. */
    public static final int PASSWORD_TOO_SHORT = 2245;

    private record Known(String name, String meaning) {
    }

    private static final Map<Integer, Known> KNOWN = Map.ofEntries(
            Map.entry(ACCESS_DENIED, new Known("ERROR_ACCESS_DENIED",
                    "access denied (the agent must run as LocalSystem or an administrator)")),
            Map.entry(8, new Known("ERROR_NOT_ENOUGH_MEMORY", "not enough memory")),
            Map.entry(53, new Known("ERROR_BAD_NETPATH", "the network path was not found")),
            Map.entry(86, new Known("ERROR_INVALID_PASSWORD", "the password is invalid")),
            Map.entry(INVALID_PARAMETER, new Known("ERROR_INVALID_PARAMETER", "a parameter is invalid")),
            Map.entry(123, new Known("ERROR_INVALID_NAME", "the account name is invalid")),
            Map.entry(124, new Known("ERROR_INVALID_LEVEL", "the information level is not supported")),
            Map.entry(MORE_DATA, new Known("ERROR_MORE_DATA", "more entries are available")),
            Map.entry(1355, new Known("ERROR_NO_SUCH_DOMAIN", "the domain does not exist")),
            Map.entry(2203, new Known("NERR_BadPassword", "the password parameter is invalid")),
            Map.entry(USER_NOT_FOUND, new Known("NERR_UserNotFound", "the user name could not be found")),
            Map.entry(2226, new Known("NERR_NotPrimary",
                    "the operation is only allowed on the primary domain controller")),
            Map.entry(2242, new Known("NERR_PasswordExpired", "the password has expired")),
            Map.entry(2243, new Known("NERR_PasswordCantChange", "the password of this user cannot change")),
            Map.entry(2244, new Known("NERR_PasswordHistConflict",
                    "the password was used recently (password history)")),
            Map.entry(PASSWORD_TOO_SHORT, new Known("NERR_PasswordTooShort",
                    "the password does not meet the password policy (length, complexity or history)")),
            Map.entry(2246, new Known("NERR_PasswordTooRecent", "the password was changed too recently")),
            Map.entry(2351, new Known("NERR_InvalidComputer", "the computer name is invalid")),
            Map.entry(2453, new Known("NERR_DCNotFound", "no domain controller could be found")));

    private Win32Errors() {
    }

    /**
     * @param code a {@code NET_API_STATUS} or Win32 error number
     * @return for example {@code "NERR_PasswordTooShort (2245): the password does not meet the
     *         password policy (length, complexity or history)"}, or {@code "Win32 error 1234"}
     *         for numbers this table does not know
     */
    public static String describe(int code) {
        Known known = KNOWN.get(code);
        if (known == null) {
            return "Win32 error " + Integer.toUnsignedString(code);
        }
        return known.name() + " (" + code + "): " + known.meaning();
    }
}
