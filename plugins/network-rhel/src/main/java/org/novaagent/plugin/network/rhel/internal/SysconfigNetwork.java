/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.rhel.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Merges into {@code /etc/sysconfig/network}: keeps every line, sets {@code NETWORKING=yes}
 * and, only when the host gave one, {@code HOSTNAME=}. {@code NOZEROCONF=yes} (no 169.254/16
 * route per interface from initscripts) and {@code NETWORKING_IPV6=yes} are added only when the
 * file has no such key, so a server keeps what 2.x gave it and an operator's explicit value wins.
 * The 2.x agent rewrote the whole file with those four lines (spec 4.5); operators' settings such
 * as {@code GATEWAYDEV} survive here.
 */
final class SysconfigNetwork {

    static final String HEADER = "# NETWORKING and HOSTNAME are managed by nova-agent; other lines are kept.";

    private SysconfigNetwork() {
    }

    static String render(Optional<String> previous, Optional<String> hostname) {
        List<String> lines = new ArrayList<>();
        boolean networking = false;
        boolean host = false;
        for (String line : previous.orElse("").lines().toList()) {
            if (line.equals(HEADER)) {
                continue;
            }
            if (line.startsWith("NETWORKING=")) {
                if (!networking) {
                    lines.add("NETWORKING=yes");
                }
                networking = true;
            } else if (line.startsWith("HOSTNAME=") && hostname.isPresent()) {
                if (!host) {
                    lines.add("HOSTNAME=" + hostname.get());
                }
                host = true;
            } else {
                lines.add(line);
            }
        }
        if (!networking) {
            lines.add(0, "NETWORKING=yes");
        }
        int after = lines.indexOf("NETWORKING=yes") + 1;
        for (String setting : new String[] {"NETWORKING_IPV6=yes", "NOZEROCONF=yes"}) {
            String key = setting.substring(0, setting.indexOf('=') + 1);
            if (lines.stream().noneMatch(l -> l.startsWith(key))) {
                lines.add(after, setting);
            }
        }
        if (!host && hostname.isPresent()) {
            lines.add("HOSTNAME=" + hostname.get());
        }
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        lines.forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }
}
