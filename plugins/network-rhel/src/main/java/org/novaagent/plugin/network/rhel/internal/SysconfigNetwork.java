/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.rhel.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Merges into {@code /etc/sysconfig/network}: keeps every line, sets {@code NETWORKING=yes}
 * and, only when the host gave one, {@code HOSTNAME=}. The 2.x agent rewrote the whole file
 * with four fixed lines (spec 4.5); operators' settings such as {@code GATEWAYDEV} survive here.
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
        if (!host && hostname.isPresent()) {
            lines.add("HOSTNAME=" + hostname.get());
        }
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        lines.forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }
}
