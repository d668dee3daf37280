/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.suse.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Sets {@code NETCONFIG_DNS_STATIC_SERVERS} in {@code /etc/sysconfig/network/config}: the first
 * assignment is replaced in place (later ones dropped), or the line is appended; every other line,
 * netconfig's comments included, is kept. {@code netconfig update} then writes resolv.conf. Pure.
 */
final class NetconfigFile {

    static final String KEY = "NETCONFIG_DNS_STATIC_SERVERS";

    private NetconfigFile() {
    }

    /**
     * @param current the file ({@code ""} when missing)
     * @param servers DNS servers in order
     * @return the new file
     */
    static String withDns(String current, List<String> servers) {
        String line = KEY + "=\"" + String.join(" ", servers) + "\"";
        List<String> out = new ArrayList<>();
        boolean written = false;
        for (String l : current.lines().toList()) {
            if (l.strip().startsWith(KEY + "=")) {
                if (!written) {
                    out.add(line);
                    written = true;
                }
                continue;
            }
            out.add(l);
        }
        if (!written) {
            out.add(line);
        }
        StringBuilder text = new StringBuilder();
        out.forEach(l -> text.append(l).append('\n'));
        return text.toString();
    }
}
