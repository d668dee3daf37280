/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.rhel.internal;

/**
 * Which file format a RHEL-family guest gets: legacy ifcfg files, or NetworkManager keyfiles where
 * NetworkManager no longer reads ifcfg (EL10+, whose NetworkManager dropped the ifcfg-rh plugin,
 * and Fedora 41+) or where the operator asks for them with {@value #KEYFILES_SETTING}. A pure
 * function of the os-release facts and the setting, so {@code RhelFormatTests} can list the cases.
 */
enum RhelFormat {

    /** {@code /etc/sysconfig/network-scripts/ifcfg-*} (EL7–EL9, older Fedora). */
    IFCFG,
    /** {@code /etc/NetworkManager/system-connections/*.nmconnection}. */
    KEYFILE;

    /** Agent setting that forces NetworkManager keyfiles on systems that still read ifcfg. */
    static final String KEYFILES_SETTING = "network.rhel.keyfiles";
    /** First RHEL (and rebuild) major version whose NetworkManager reads no ifcfg. */
    static final int EL_KEYFILES_ONLY = 10;
    /** First Fedora release whose NetworkManager reads no ifcfg. */
    static final int FEDORA_KEYFILES_ONLY = 41;

    /**
     * @param osId           os-release {@code ID} ({@code rhel}, {@code almalinux}, {@code fedora}, ...)
     * @param majorVersion   the major part of {@code VERSION_ID} (0 when unknown)
     * @param forceKeyfiles  the value of {@value #KEYFILES_SETTING} (false when unset)
     * @return the format to render
     */
    static RhelFormat choose(String osId, int majorVersion, boolean forceKeyfiles) {
        if (forceKeyfiles) {
            return KEYFILE;
        }
        int keyfilesFrom = "fedora".equals(osId) ? FEDORA_KEYFILES_ONLY : EL_KEYFILES_ONLY;
        return majorVersion >= keyfilesFrom ? KEYFILE : IFCFG;
    }
}
