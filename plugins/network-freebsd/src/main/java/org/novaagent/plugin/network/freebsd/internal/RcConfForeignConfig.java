/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.freebsd.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.novaagent.network.FileStager;
import org.novaagent.network.ForeignConfig;
import org.novaagent.network.ForeignConfigDetector;
import org.novaagent.network.ForeignConfigTakeover;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;

/**
 * rc.subr reads {@code /etc/rc.conf}, then {@code /etc/rc.conf.local}, then
 * {@code /etc/rc.conf.d/netif} and {@code /etc/rc.conf.d/routing} for those services, so an
 * assignment there of a variable nova-agent owns in rc.conf (a NIC's {@code ifconfig_<if>*},
 * {@code ipv6_ifconfig_<if>*}, and {@code defaultrouter}/{@code ipv6_defaultrouter}) would override
 * ours. Those lines are commented out in place (the original is kept for a restore).
 */
final class RcConfForeignConfig implements ForeignConfigDetector {

    static final List<String> LATER_FILES = List.of("etc/rc.conf.local", "etc/rc.conf.d/netif", "etc/rc.conf.d/routing");
    private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)=");

    @Override
    public List<ForeignConfig> detect(NetworkConfig config, FileStager stager) throws IOException {
        List<ForeignConfig> out = new ArrayList<>();
        for (String file : LATER_FILES) {
            String content = stager.read(file).orElse(null);
            if (content == null) {
                continue;
            }
            Set<String> affected = new LinkedHashSet<>();
            StringBuilder edited = new StringBuilder();
            for (String line : content.lines().toList()) {
                Matcher m = ASSIGNMENT.matcher(line);
                String nic = m.find() ? owner(m.group(1), config) : null;
                if (nic != null) {
                    affected.add(nic);
                    edited.append(ForeignConfigTakeover.DISABLED);
                }
                edited.append(line).append('\n');
            }
            if (!affected.isEmpty()) {
                out.add(ForeignConfig.disable(file, content.contains("cloud-init") ? ForeignConfig.CLOUD_INIT
                        : ForeignConfig.OTHER, List.copyOf(affected), edited.toString()));
            }
        }
        return out;
    }

    /** The NIC an rc.conf variable configures, if nova-agent owns that variable. */
    static String owner(String variable, NetworkConfig config) {
        for (NetInterface nic : config.interfaces()) {
            String n = nic.name();
            if (variable.equals("ifconfig_" + n) || variable.startsWith("ifconfig_" + n + "_")
                    || variable.equals("ipv6_ifconfig_" + n) || variable.startsWith("ipv6_ifconfig_" + n + "_")) {
                return n;
            }
            if (variable.equals("defaultrouter") && nic.gateway4().isPresent()
                    || variable.equals("ipv6_defaultrouter") && nic.gateway6().isPresent()) {
                return n;
            }
        }
        return null;
    }
}
