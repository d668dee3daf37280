/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.rhel.internal;

import java.util.ArrayList;
import java.util.List;

import org.novaagent.network.Headers;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.NetworkRenderer;
import org.novaagent.network.OwnedFiles;
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
 * <p>Files this renderer wrote earlier and no longer renders (the config of a detached NIC, a
 * route file whose routes are gone) are removed by the stager through {@link #OWNED}.
 *
 * <p>Setting {@value #NM_CONTROLLED} ({@code true}/{@code false}, default {@code true}) sets
 * {@code NM_CONTROLLED=}.
 */
public final class IfcfgRenderer implements NetworkRenderer {

    /** Renderer setting: whether NetworkManager manages the devices. */
    public static final String NM_CONTROLLED = "nm-controlled";
    /** Files removed when they carry our header and are no longer rendered. */
    public static final OwnedFiles OWNED = OwnedFiles.of(RhelNames.SCRIPTS + "ifcfg-*",
            RhelNames.SCRIPTS + "route-*", RhelNames.SCRIPTS + "route6-*");

    @Override
    public List<RenderedFile> render(NetworkConfig config, RendererOptions options) {
        boolean nm = !"false".equals(options.setting(NM_CONTROLLED).orElse("true"));
        List<RenderedFile> files = new ArrayList<>();
        for (NetInterface nic : config.interfaces()) {
            String path = RhelNames.ifcfg(nic.name());
            files.add(new RenderedFile(path, IfcfgFile.render(nic, options.existing(path), nm), 0644));
            for (boolean v6 : new boolean[] {false, true}) {
                List<Route> routes = routes(nic, v6);
                String routePath = RhelNames.route(nic.name(), v6);
                if (!routes.isEmpty()) {
                    StringBuilder out = new StringBuilder(RhelNames.HEADER);
                    routes.forEach(r -> out.append(r.cidr()).append(" via ").append(r.gateway())
                            .append(" dev ").append(nic.name()).append('\n'));
                    files.add(new RenderedFile(routePath, out.toString(), 0644));
                } else if (options.existing(routePath).filter(c -> neutralise(c, nic.name())).isPresent()) {
                    files.add(new RenderedFile(routePath, noRoutes(nic.name()), 0644));
                }
            }
        }
        files.add(new RenderedFile(RhelNames.SYSCONFIG_NETWORK,
                SysconfigNetwork.render(options.existing(RhelNames.SYSCONFIG_NETWORK), config.hostname()), 0644));
        return files;
    }

    /**
     * A stale route file of a NIC we configure that nova-agent did not write (for example the
     * 2.x agent's {@code ADDRESS0=} file, which 2.x left in place, spec 4.5) cannot be removed
     * through owned-file removal, which only deletes files with our header; it is replaced by a
     * file without routes (the stager keeps the old one under {@code var/lib/nova-agent/backup/}). A stale route file we
     * wrote ourselves is simply not rendered, and the stager removes it.
     */
    private static boolean neutralise(String existing, String ifname) {
        return !Headers.isOurs(existing) || existing.equals(noRoutes(ifname));
    }

    static String noRoutes(String ifname) {
        return RhelNames.HEADER + "# no static routes for " + ifname + "\n";
    }

    static List<Route> routes(NetInterface nic, boolean ipv6) {
        return nic.routes().stream().filter(r -> r.ipv6() == ipv6).toList();
    }
}
