/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

/**
 * The one ordered list of network backends, most preferred first, as cloud-init keeps
 * {@code renderers.DEFAULT_PRIORITY} and Google's guest agent its list of network managers.
 * Each {@code resetnetwork} handler says only whether its tool is present on the target
 * ({@code applicability}); which one wins when several are present is decided here and nowhere
 * else: a handler's {@code priority()} is {@link #priority()} of its entry. A new backend is a
 * new constant at the place where it should win.
 */
public enum NetworkBackend {

    /**
     * netplan (Ubuntu 18.04+, Debian with netplan): where netplan is installed it owns the
     * configuration, even when {@code /etc/network/interfaces} is still there from an upgrade.
     */
    NETPLAN,
    /**
     * ifupdown-ng's dialect of {@code /etc/network/interfaces} (Alpine): before plain ifupdown, as
     * the more specific of the two ENI dialects.
     */
    IFUPDOWN_NG,
    /** ifupdown's {@code /etc/network/interfaces} (Debian without netplan). */
    IFUPDOWN,
    /**
     * SUSE (only applicable there): wicked's ifcfg/ifroute files on openSUSE Leap 15 / SLES 15, or
     * NetworkManager keyfiles on Leap 16 / SLES 16 / Tumbleweed (the choice within SUSE is the
     * plugin's {@code SuseStack}, from what the root has).
     */
    SUSE,
    /**
     * RHEL family: ifcfg files or NetworkManager keyfiles (the choice within the family is the
     * plugin's {@code RhelFormat}). Only applicable on RHEL-like systems, so its place relative
     * to the Debian backends never matters.
     */
    RHEL,
    /** FreeBSD's {@code /etc/rc.conf} (only applicable on FreeBSD, so its place never matters). */
    FREEBSD_RC,
    /**
     * netifrc's {@code /etc/conf.d/net} with OpenRC's {@code net.<if>} services (Gentoo with OpenRC;
     * only applicable there, so its place never matters; Gentoo's systemd profiles get networkd).
     */
    NETIFRC,
    /**
     * Windows: the NetTCPIP and NetAdapter cmdlets in one PowerShell session (only applicable on
     * Windows, so its place never matters).
     */
    WINDOWS,
    /**
     * systemd-networkd {@code .network} files: the generic fallback for systemd distributions (Arch),
     * last so that every distro-specific backend present on the same host wins.
     */
    NETWORKD;

    /** The step between two neighbours: room to slot a third-party handler in between. */
    static final int STEP = 100;

    /**
     * @return the handler priority for this backend: {@link #STEP} times the number of backends
     *         at or below it, so the first entry has the highest priority and the last has
     *         {@link #STEP}
     */
    public int priority() {
        return (values().length - ordinal()) * STEP;
    }
}
