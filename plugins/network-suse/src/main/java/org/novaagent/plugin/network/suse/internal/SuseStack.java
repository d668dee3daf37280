/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.suse.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

import org.novaagent.api.HostFacts;

/**
 * Which network stack a SUSE root runs, from what the root has. SUSE makes one of them the system's
 * {@code network.service} ({@code systemctl enable --force wicked|NetworkManager} leaves the alias
 * {@code /etc/systemd/system/network.service} pointing at its unit), so that link decides when it
 * exists. Without it: wicked when its binary and {@code /etc/sysconfig/network} are there (Leap 15,
 * SLES 15), else NetworkManager when {@code nmcli} and {@code /etc/NetworkManager} are (Leap 16,
 * SLES 16, Tumbleweed, which dropped wicked).
 */
enum SuseStack {

    /** wicked's ifcfg/ifroute files and netconfig. */
    WICKED,
    /** NetworkManager keyfiles (network-common's shared renderer). */
    NETWORK_MANAGER;

    /** SUSE's alias for the active network service. */
    static final String NETWORK_SERVICE = "etc/systemd/system/network.service";

    /**
     * The decision and why.
     *
     * @param stack  the stack to configure, empty when none is usable
     * @param reason what the root has, for {@code plugins list}
     */
    record Choice(Optional<SuseStack> stack, String reason) {
    }

    /**
     * @param facts the target's host facts
     * @return the stack and the reason
     */
    static Choice detect(HostFacts facts) {
        boolean wicked = facts.which("wicked").isPresent() && Files.isDirectory(facts.resolve("/etc/sysconfig/network"));
        boolean nm = facts.which("nmcli").isPresent() && Files.isDirectory(facts.resolve("/etc/NetworkManager"));
        String alias = aliasTarget(facts.resolve(NETWORK_SERVICE));
        if (alias.equals("NetworkManager.service")) {
            return nm ? choice(NETWORK_MANAGER, "network.service is NetworkManager: keyfiles in etc/NetworkManager/system-connections")
                    : none("network.service is NetworkManager but nmcli or etc/NetworkManager is missing");
        }
        if (alias.equals("wicked.service")) {
            return wicked ? choice(WICKED, "network.service is wicked: SUSE ifcfg/ifroute files under etc/sysconfig/network")
                    : none("network.service is wicked but wicked or etc/sysconfig/network is missing");
        }
        if (wicked) {
            return choice(WICKED, "wicked: SUSE ifcfg/ifroute files under etc/sysconfig/network");
        }
        if (nm) {
            return choice(NETWORK_MANAGER, "NetworkManager without wicked: keyfiles in etc/NetworkManager/system-connections");
        }
        return none("neither wicked (with etc/sysconfig/network) nor nmcli (with etc/NetworkManager) found in "
                + facts.searchPath());
    }

    /** @return the file name the alias points at, or empty when it is not a link */
    private static String aliasTarget(Path alias) {
        if (!Files.isSymbolicLink(alias)) {
            return "";
        }
        try {
            Path target = Files.readSymbolicLink(alias).getFileName();
            return target == null ? "" : target.toString();
        } catch (IOException e) {
            return "";
        }
    }

    private static Choice choice(SuseStack stack, String reason) {
        return new Choice(Optional.of(stack), reason);
    }

    private static Choice none(String reason) {
        return new Choice(Optional.empty(), reason);
    }
}
