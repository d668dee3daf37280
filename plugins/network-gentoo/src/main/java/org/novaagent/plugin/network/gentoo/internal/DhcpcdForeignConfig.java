/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.gentoo.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.novaagent.network.FileStager;
import org.novaagent.network.ForeignConfig;
import org.novaagent.network.ForeignConfigDetector;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;

/**
 * A standalone {@code dhcpcd} service in the default runlevel (some Gentoo images use it instead of
 * netifrc's per-NIC services) runs in manager mode and configures every NIC it finds, ours too, next
 * to netifrc. dhcpcd's own switch for that is {@code denyinterfaces} in {@code /etc/dhcpcd.conf}
 * (each such line adds to the list, checked in dhcpcd's {@code if-options.c}): the NICs nova-agent
 * configures that no active {@code denyinterfaces} line names yet are appended on one line of ours,
 * the rest of the file kept. The file goes through the takeover (backup, original kept for
 * {@code restore-network-config}, marker line), so a failed apply restores it and {@code agent doctor}
 * reports it. Without dhcpcd in the default runlevel, or without {@code /etc/dhcpcd.conf}, nothing is
 * reported. A pattern in an operator's {@code denyinterfaces} counts only when it names the NIC exactly.
 */
final class DhcpcdForeignConfig implements ForeignConfigDetector {

    /** dhcpcd's configuration file, relative to the root. */
    static final String DHCPCD_CONF = "etc/dhcpcd.conf";

    /** The runlevel entry of the standalone service. */
    static final String SERVICE = ServiceLinks.RUNLEVEL + "/dhcpcd";

    /** The comment above the line we add. */
    static final String COMMENT = "# nova-agent: netifrc configures these NICs (conf.d/net); dhcpcd must leave them alone";

    @Override
    public List<ForeignConfig> detect(NetworkConfig config, FileStager stager) throws IOException {
        if (!Files.exists(stager.resolve(SERVICE), LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        Optional<String> content = stager.read(DHCPCD_CONF);
        if (content.isEmpty()) {
            return List.of();
        }
        Set<String> denied = denied(content.get());
        List<String> missing = new ArrayList<>();
        for (NetInterface nic : config.interfaces()) {
            if (!denied.contains(nic.name())) {
                missing.add(nic.name());
            }
        }
        if (missing.isEmpty()) {
            return List.of();
        }
        String text = content.get();
        StringBuilder edited = new StringBuilder(text);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            edited.append('\n');
        }
        edited.append(COMMENT).append('\n').append("denyinterfaces ").append(String.join(" ", missing)).append('\n');
        return List.of(ForeignConfig.disable(DHCPCD_CONF, ForeignConfig.OTHER, missing, edited.toString()));
    }

    /** The names on active {@code denyinterfaces} lines (space or comma separated, as dhcpcd splits them). */
    static Set<String> denied(String content) {
        Set<String> out = new LinkedHashSet<>();
        for (String line : content.lines().toList()) {
            String[] words = line.strip().split("[\\s,]+");
            if (words.length > 1 && words[0].equals("denyinterfaces")) {
                for (int i = 1; i < words.length; i++) {
                    out.add(words[i].replace("\"", ""));
                }
            }
        }
        return out;
    }
}
