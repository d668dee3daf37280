/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.trust;

/**
 * The Windows accounts the plugins-directory rule cares about, by their well-known SIDs, which are
 * the same on every Windows whatever its display language (the names are not: {@code
 * VORDEFINIERT\Administratoren}, {@code NT-AUTORITÄT\SYSTEM}, {@code \Jeder} on a German one). The
 * English label is for messages only; matching goes through the SID ({@link WindowsAclTrustRule}).
 */
enum WellKnownAccount {
    /** {@code NT AUTHORITY\SYSTEM}: the service's own account. */
    SYSTEM("S-1-5-18", "SYSTEM"),
    /** {@code BUILTIN\Administrators}. */
    ADMINISTRATORS("S-1-5-32-544", "Administrators"),
    /** {@code NT SERVICE\TrustedInstaller}: owns what Windows itself installs (e.g. {@code Program Files}). */
    TRUSTED_INSTALLER("S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464", "TrustedInstaller"),
    /** {@code Everyone}. */
    EVERYONE("S-1-1-0", "Everyone"),
    /** {@code NT AUTHORITY\Authenticated Users}. */
    AUTHENTICATED_USERS("S-1-5-11", "Authenticated Users"),
    /** {@code BUILTIN\Users}. */
    USERS("S-1-5-32-545", "Users"),
    /** {@code NT AUTHORITY\INTERACTIVE}: whoever is logged on at the console or over RDP. */
    INTERACTIVE("S-1-5-4", "INTERACTIVE"),
    /** {@code BUILTIN\Guests}. */
    GUESTS("S-1-5-32-546", "Guests");

    private final String sid;
    private final String label;

    WellKnownAccount(String sid, String label) {
        this.sid = sid;
        this.label = label;
    }

    /** @return the SID string, for example {@code S-1-5-32-544} */
    String sid() {
        return sid;
    }

    /** @return the English name, for messages */
    String label() {
        return label;
    }
}
