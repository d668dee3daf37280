/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal.windows;

import java.util.regex.Pattern;

/**
 * Recognises the built-in Administrator by its SID string, because the account can be renamed
 * (Administrateur, Administrador, anything) but its relative ID is always 500.
 */
public final class AdministratorSid {

    /**
     * {@code S-1-5-21-<a>-<b>-<c>-500}: a machine or domain account SID (authority 5, sub-authority
     * 21, three 32-bit identifiers) whose last sub-authority (the RID) is exactly 500.
     */
    private static final Pattern BUILTIN_ADMIN =
            Pattern.compile("S-1-5-21-(?:[0-9]{1,10}-){3}500");

    private AdministratorSid() {
    }

    /**
     * @param sid a SID string as {@code ConvertSidToStringSidW} writes it, or {@code null}
     * @return whether it is the built-in Administrator of a machine or domain (RID 500, not
     *         5001 or 1500)
     */
    public static boolean isBuiltinAdministrator(String sid) {
        return sid != null && BUILTIN_ADMIN.matcher(sid).matches();
    }
}
