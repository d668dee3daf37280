/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.gentoo.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.novaagent.network.FileStager;
import org.novaagent.network.ForeignConfig;
import org.novaagent.network.ForeignConfigDetector;
import org.novaagent.network.ForeignConfigTakeover;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;

/**
 * openrc-run sources {@code /etc/conf.d/net} and then {@code /etc/conf.d/net.<if>} for the service
 * {@code net.<if>}, so an assignment there of a variable nova-agent owns for that NIC
 * ({@code config_<if>}, {@code routes_<if>}, {@code dns_servers_<if>}, {@code fallback*}) would win over
 * ours. Those statements are commented out in place, every line of a multi-line value included
 * (the original is kept for a restore); other lines stay.
 */
final class NetifrcForeignConfig implements ForeignConfigDetector {

    /** The per-service file of a NIC, relative to the root. */
    static String serviceConf(String ifname) {
        return "etc/conf.d/net." + ifname;
    }

    @Override
    public List<ForeignConfig> detect(NetworkConfig config, FileStager stager) throws IOException {
        List<ForeignConfig> out = new ArrayList<>();
        for (NetInterface nic : config.interfaces()) {
            String file = serviceConf(nic.name());
            Optional<String> content = stager.read(file);
            if (content.isEmpty()) {
                continue;
            }
            String var = NetifrcVariables.shellVar(nic.name());
            boolean found = false;
            StringBuilder edited = new StringBuilder();
            for (ConfNetStatements.Statement s : ConfNetStatements.parse(file, content.get())) {
                if (s.variable().flatMap(NetifrcVariables::ownedSuffix).filter(var::equals).isPresent()) {
                    found = true;
                    s.lines().forEach(l -> edited.append(ForeignConfigTakeover.DISABLED).append(l).append('\n'));
                } else {
                    edited.append(s.text());
                }
            }
            if (found) {
                out.add(ForeignConfig.disable(file, content.get().contains("cloud-init") ? ForeignConfig.CLOUD_INIT
                        : ForeignConfig.OTHER, List.of(nic.name()), edited.toString()));
            }
        }
        return out;
    }
}
