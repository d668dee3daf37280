/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host.demo;

import java.util.Locale;

/** The distributions the demo can lay out a scratch root for ({@code --distro}). */
public enum Distro {
    /** Debian 12 with ifupdown ({@code etc/network/interfaces}). */
    DEBIAN("debian", "12", "", "Debian GNU/Linux 12 (bookworm)"),
    /** Ubuntu 22.04 with netplan. */
    UBUNTU("ubuntu", "22.04", "debian", "Ubuntu 22.04.4 LTS"),
    /** RHEL 9 with ifcfg network-scripts and NetworkManager. */
    RHEL("rhel", "9.4", "fedora", "Red Hat Enterprise Linux 9.4 (Plow)"),
    /** Alpine 3.20 with ifupdown-ng and OpenRC. */
    ALPINE("alpine", "3.20.3", "", "Alpine Linux v3.20"),
    /** Arch Linux (rolling, no VERSION_ID) with systemd-networkd enabled. */
    ARCH("arch", "", "", "Arch Linux");

    private final String id;
    private final String versionId;
    private final String idLike;
    private final String prettyName;

    Distro(String id, String versionId, String idLike, String prettyName) {
        this.id = id;
        this.versionId = versionId;
        this.idLike = idLike;
        this.prettyName = prettyName;
    }

    /** @return os-release {@code ID} */
    public String id() {
        return id;
    }

    /** @return os-release {@code VERSION_ID} */
    public String versionId() {
        return versionId;
    }

    /** @return os-release {@code ID_LIKE}, empty for none */
    public String idLike() {
        return idLike;
    }

    /** @return os-release {@code PRETTY_NAME} */
    public String prettyName() {
        return prettyName;
    }

    /**
     * @param name {@code debian}, {@code ubuntu}, {@code rhel}, {@code alpine} or {@code arch} (case-insensitive)
     * @return the distro
     * @throws IllegalArgumentException for anything else, listing the choices
     */
    public static Distro parse(String name) {
        for (Distro d : values()) {
            if (d.id.equals(name.toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown distro '" + name + "' (choose debian, ubuntu, rhel, alpine or arch)");
    }
}
