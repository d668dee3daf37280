/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.rhel.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.NetworkRenderer;
import org.novaagent.network.RenderedFile;
import org.novaagent.network.RendererOptions;
import org.novaagent.network.Route;

/**
 * Renders the EL7–EL9 initscripts format read by both the legacy network service and
 * NetworkManager's ifcfg-rh plugin: one {@code ifcfg-<if>} per NIC (secondary addresses as
 * {@code IPADDRn}/{@code PREFIXn} and {@code IPV6ADDR_SECONDARIES}, never alias files, spec 9),
 * {@code route-<if>}/{@code route6-<if>} in the {@code <cidr> via <gw> dev <if>} form, and
 * {@code etc/sysconfig/network}. Pure: previous content comes in through the options.
 *
 * <p>Setting {@value #NM_CONTROLLED} ({@code true}/{@code false}, default {@code true}) sets
 * {@code NM_CONTROLLED=}.
 */
public final class IfcfgRenderer implements NetworkRenderer {

    /** Renderer setting: whether NetworkManager manages the devices. */
    public static final String NM_CONTROLLED = "nm-controlled";

    @Override
    public List<RenderedFile> render(NetworkConfig config, RendererOptions options) {
        boolean nm = !"false".equals(options.setting(NM_CONTROLLED).orElse("true"));
        List<RenderedFile> files = new ArrayList<>();
        for (NetInterface nic : config.interfaces()) {
            String path = RhelNames.ifcfg(nic.name());
            files.add(new RenderedFile(path, IfcfgFile.render(nic, options.existing(path), nm), 0644));
            for (boolean v6 : new boolean[] {false, true}) {
                List<Route> routes = routes(nic, v6);
                if (!routes.isEmpty()) {
                    StringBuilder out = new StringBuilder(RhelNames.HEADER);
                    routes.forEach(r -> out.append(r.cidr()).append(" via ").append(r.gateway())
                            .append(" dev ").append(nic.name()).append('\n'));
                    files.add(new RenderedFile(RhelNames.route(nic.name(), v6), out.toString(), 0644));
                }
            }
        }
        files.add(new RenderedFile(RhelNames.SYSCONFIG_NETWORK,
                SysconfigNetwork.render(options.existing(RhelNames.SYSCONFIG_NETWORK), config.hostname()), 0644));
        return files;
    }

    /**
     * Files to delete after staging: a {@code route-<if>}/{@code route6-<if>} of a configured
     * NIC that now has no routes of that family (2.x left them in place, spec 4.5), and any
     * other file we generated earlier (it carries our header) that this render no longer
     * produces, for example the config of a detached NIC.
     *
     * @param config  the desired network
     * @param options the same options as for {@link #render}; {@code existingFiles} must hold
     *                every {@code ifcfg-*}, {@code route-*} and {@code route6-*} file
     * @return root-relative paths to remove
     */
    public List<String> obsoleteFiles(NetworkConfig config, RendererOptions options) {
        Set<String> rendered = new HashSet<>();
        render(config, options).forEach(f -> rendered.add(f.path()));
        Set<String> routeFilesOfOurNics = new HashSet<>();
        for (NetInterface nic : config.interfaces()) {
            routeFilesOfOurNics.add(RhelNames.route(nic.name(), false));
            routeFilesOfOurNics.add(RhelNames.route(nic.name(), true));
        }
        List<String> obsolete = new ArrayList<>();
        options.existingFiles().forEach((path, content) -> {
            if (!path.startsWith(RhelNames.SCRIPTS) || rendered.contains(path)) {
                return;
            }
            String name = path.substring(RhelNames.SCRIPTS.length());
            boolean ours = content.contains(RhelNames.MARKER)
                    && (name.startsWith("ifcfg-") || name.startsWith("route-") || name.startsWith("route6-"));
            if (ours || routeFilesOfOurNics.contains(path)) {
                obsolete.add(path);
            }
        });
        obsolete.sort(null);
        return obsolete;
    }

    static List<Route> routes(NetInterface nic, boolean ipv6) {
        return nic.routes().stream().filter(r -> r.ipv6() == ipv6).toList();
    }
}
