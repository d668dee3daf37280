/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.suse.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.novaagent.network.Headers;
import org.novaagent.network.IpAddress;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.NetworkRenderer;
import org.novaagent.network.RenderedFile;
import org.novaagent.network.RendererOptions;
import org.novaagent.network.Route;
import org.novaagent.network.SafeText;

/**
 * Renders wicked's files in SUSE's dialect, which differs from RHEL's ifcfg: values in single
 * quotes, {@code BOOTPROTO='static'}, {@code STARTMODE='auto'}, every address (both families) as
 * {@code IPADDR} / {@code IPADDR_<n>} in CIDR form, no {@code GATEWAY}: routes, default routes
 * included, go to {@code ifroute-<if>} as {@code <destination> <gateway> - <if>} lines. DNS servers
 * go to netconfig's {@code NETCONFIG_DNS_STATIC_SERVERS} in {@code /etc/sysconfig/network/config}
 * (edited in place, every other line kept). Writing {@code ifcfg-<if>} replaces the image's file for
 * that NIC (the stager keeps a backup). Pure: no I/O.
 */
public final class WickedRenderer implements NetworkRenderer {

    /** wicked's directory, relative to the target root. */
    public static final String DIR = "etc/sysconfig/network";
    /** netconfig's settings, relative to the target root. */
    public static final String CONFIG = DIR + "/config";

    static final String HEADER = Headers.hashComment();

    @Override
    public List<RenderedFile> render(NetworkConfig config, RendererOptions options) {
        List<RenderedFile> files = new ArrayList<>();
        Set<String> dns = new LinkedHashSet<>();
        for (NetInterface nic : config.interfaces()) {
            files.add(new RenderedFile(DIR + "/ifcfg-" + nic.name(), ifcfg(nic), 0644));
            String routes = ifroute(nic);
            if (!routes.isEmpty()) {
                files.add(new RenderedFile(DIR + "/ifroute-" + nic.name(), HEADER + routes, 0644));
            }
            dns.addAll(nic.dns());
        }
        if (!dns.isEmpty()) {
            String current = options.existing(CONFIG).orElse("");
            files.add(new RenderedFile(CONFIG, NetconfigFile.withDns(current, List.copyOf(dns)), 0644));
        }
        return files;
    }

    static String ifcfg(NetInterface nic) {
        StringBuilder out = new StringBuilder(HEADER);
        out.append("# Label ").append(SafeText.comment(nic.label())).append(" (").append(nic.mac()).append(")\n");
        line(out, "BOOTPROTO", "static");
        line(out, "STARTMODE", "auto");
        List<IpAddress> all = new ArrayList<>(nic.ipv4());
        all.addAll(nic.ipv6());
        for (int i = 0; i < all.size(); i++) {
            line(out, i == 0 ? "IPADDR" : "IPADDR_" + i, all.get(i).cidr());
        }
        return out.toString();
    }

    /** {@code default <gw> - <if>} per family, then {@code <cidr> <gw> - <if>} per route. */
    static String ifroute(NetInterface nic) {
        StringBuilder out = new StringBuilder();
        nic.gateway4().ifPresent(gw -> out.append("default ").append(gw).append(" - ").append(nic.name()).append('\n'));
        nic.gateway6().ifPresent(gw -> out.append("default ").append(gw).append(" - ").append(nic.name()).append('\n'));
        for (Route route : nic.routes()) {
            out.append(route.cidr()).append(' ').append(route.gateway()).append(" - ").append(nic.name()).append('\n');
        }
        return out.toString();
    }

    /** SUSE quotes every value in single quotes; our values (addresses, keywords) hold none. */
    private static void line(StringBuilder out, String key, String value) {
        out.append(key).append("='").append(value).append("'\n");
    }
}
