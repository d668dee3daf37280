/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import org.novaagent.network.internal.Macs;

/**
 * A real NIC found on the target (by {@link NicDiscovery}): kernel name and MAC.
 *
 * @param name kernel interface name, e.g. {@code eth0}; must pass {@link SafeText#isInterfaceName}
 * @param mac  MAC in lower case with colons, e.g. {@code bc:76:4e:20:75:72} (normalised on
 *             construction from any case/separator form)
 */
public record LocalNic(String name, String mac) {

    /** Validates the name, validates and normalises the MAC. */
    public LocalNic {
        if (!SafeText.isInterfaceName(name)) {
            throw new IllegalArgumentException("not a usable interface name: " + SafeText.quote(name));
        }
        String given = mac;
        String hex = Macs.normalise(given)
                .orElseThrow(() -> new IllegalArgumentException("not a MAC address: " + given));
        mac = Macs.colon(hex);
    }

    /** @return the MAC as 12 lower-case hex digits, the form used for matching */
    public String macKey() {
        return mac.replace(":", "");
    }

    @Override
    public String toString() {
        return name + "=" + mac;
    }
}
