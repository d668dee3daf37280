/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.netplan.internal;

import java.util.List;
import org.novaagent.network.Headers;
import org.novaagent.network.IpAddress;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.NetworkRenderer;
import org.novaagent.network.RenderedFile;
import org.novaagent.network.RendererOptions;
import org.novaagent.network.Route;

/**
 * Renders the whole network as one netplan v2 file, {@value #PATH} (mode 0600): per interface
 * {@code match: macaddress} + {@code set-name}, addresses, default routes as {@code to: default}
 * / {@code to: "::/0"} (never the deprecated {@code gateway4}/{@code gateway6}), extra routes and
 * nameservers, DHCP off. Pure. Other netplan files that configure the same NICs (2.x's,
 * cloud-init's) are taken over by {@link NetplanForeignConfig}, not here.
 */
public final class NetplanRenderer implements NetworkRenderer {

    /** The one file this renderer writes. */
    public static final String PATH = "etc/netplan/50-nova-agent.yaml";
    /** netplan refuses group/world-readable files with a warning; secrets may live there. */
    public static final int MODE = 0600;

    /** Creates the renderer (stateless). */
    public NetplanRenderer() {
    }

    @Override
    public List<RenderedFile> render(NetworkConfig config, RendererOptions options) {
        YamlWriter y = new YamlWriter().raw(Headers.hashComment());
        y.open(0, "network").literal(1, "version", 2).entry(1, "renderer", "networkd").open(1, "ethernets");
        for (NetInterface i : config.interfaces()) {
            if (!i.label().isEmpty()) {
                y.comment(2, "label: " + i.label());
            }
            y.open(2, i.name());
            y.open(3, "match").entry(4, "macaddress", i.mac());
            y.entry(3, "set-name", i.name());
            List<IpAddress> addresses = new java.util.ArrayList<>(i.ipv4());
            addresses.addAll(i.ipv6());
            if (!addresses.isEmpty()) {
                y.open(3, "addresses");
                addresses.forEach(a -> y.item(4, a.cidr()));
            }
            if (i.gateway4().isPresent() || i.gateway6().isPresent() || !i.routes().isEmpty()) {
                y.open(3, "routes");
                i.gateway4().ifPresent(g -> y.itemEntry(4, "to", "default").entry(5, "via", g));
                i.gateway6().ifPresent(g -> y.itemEntry(4, "to", "::/0").entry(5, "via", g));
                for (Route r : i.routes()) {
                    y.itemEntry(4, "to", r.cidr()).entry(5, "via", r.gateway());
                }
            }
            if (!i.dns().isEmpty()) {
                y.open(3, "nameservers").open(4, "addresses");
                i.dns().forEach(d -> y.item(5, d));
            }
            y.literal(3, "dhcp4", false).literal(3, "dhcp6", false);
        }
        return List.of(new RenderedFile(PATH, y.toString(), MODE));
    }
}
