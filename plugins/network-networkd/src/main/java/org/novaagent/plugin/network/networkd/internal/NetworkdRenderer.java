/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.networkd.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 * Renders one systemd-networkd {@code .network} file per NIC,
 * {@code etc/systemd/network/05-nova-agent-<if>.network}. networkd applies the first file, in
 * lexical order over {@code /etc}, {@code /run} and {@code /usr/lib}, whose {@code [Match]} fits a
 * link, so the {@code 05-} prefix puts ours before the usual {@code 10-}/{@code 20-wired} and
 * {@code 80-}/{@code 99-} defaults. Matching is by {@code MACAddress=} plus {@code Type=ether}:
 * bridges, VLANs and bonds that inherit the MAC are not matched, and a renamed NIC still is
 * ({@code PermanentMACAddress=} would not match netfront or veth, whose permanent address reads as
 * zeros). DNS servers go to {@code DNS=}, which systemd-resolved serves. Pure: no I/O.
 */
public final class NetworkdRenderer implements NetworkRenderer {

    /** Directory of the files, relative to the target root. */
    public static final String DIR = "etc/systemd/network";
    /** File name prefix; the interface name and {@code .network} follow. */
    public static final String PREFIX = "05-nova-agent-";
    /** Glob of the files this renderer owns (for {@code OwnedFiles}). */
    public static final String GLOB = DIR + "/" + PREFIX + "*.network";

    static final String HEADER = Headers.hashComment();

    @Override
    public List<RenderedFile> render(NetworkConfig config, RendererOptions options) {
        List<RenderedFile> files = new ArrayList<>();
        for (NetInterface nic : config.interfaces()) {
            files.add(new RenderedFile(path(nic.name()), network(nic), 0644));
        }
        return files;
    }

    /**
     * @param ifname a kernel interface name
     * @return the root-relative path of its file
     */
    public static String path(String ifname) {
        return DIR + "/" + PREFIX + ifname + ".network";
    }

    /**
     * @param path a root-relative path
     * @return the interface a file of ours configures, if the path is one
     */
    public static Optional<String> interfaceOf(String path) {
        String prefix = DIR + "/" + PREFIX;
        if (path.startsWith(prefix) && path.endsWith(".network")) {
            return Optional.of(path.substring(prefix.length(), path.length() - ".network".length()));
        }
        return Optional.empty();
    }

    static String network(NetInterface nic) {
        StringBuilder out = new StringBuilder(HEADER);
        out.append("# Label ").append(SafeText.comment(nic.label())).append(" on ").append(nic.name()).append('\n');
        out.append("\n[Match]\n");
        out.append("MACAddress=").append(nic.mac()).append('\n');
        out.append("Type=ether\n");
        out.append("\n[Network]\n");
        out.append("DHCP=no\n");
        for (IpAddress address : nic.ipv4()) {
            out.append("Address=").append(address.cidr()).append('\n');
        }
        for (IpAddress address : nic.ipv6()) {
            out.append("Address=").append(address.cidr()).append('\n');
        }
        nic.gateway4().ifPresent(gw -> out.append("Gateway=").append(gw).append('\n'));
        nic.gateway6().ifPresent(gw -> out.append("Gateway=").append(gw).append('\n'));
        for (String dns : nic.dns()) {
            out.append("DNS=").append(dns).append('\n');
        }
        for (Route route : nic.routes()) {
            out.append("\n[Route]\n");
            out.append("Destination=").append(route.cidr()).append('\n');
            out.append("Gateway=").append(route.gateway()).append('\n');
        }
        return out.toString();
    }
}
