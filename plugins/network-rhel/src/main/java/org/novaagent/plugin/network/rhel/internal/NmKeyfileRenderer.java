/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.rhel.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.novaagent.network.IpAddress;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.NetworkRenderer;
import org.novaagent.network.OwnedFiles;
import org.novaagent.network.RenderedFile;
import org.novaagent.network.SafeText;
import org.novaagent.network.RendererOptions;
import org.novaagent.network.Route;

/**
 * Renders NetworkManager keyfiles, one {@code nova-<if>.nmconnection} (mode 0600, which
 * NetworkManager requires) per NIC, for EL10+ where NetworkManager no longer reads ifcfg, or
 * when the operator asks for keyfiles. The connection is bound to the MAC, keyed by a UUID
 * derived from it, and has a raised autoconnect priority so it wins over an installer's
 * profile for the same device at boot. Pure: no I/O.
 */
public final class NmKeyfileRenderer implements NetworkRenderer {

    /** Our keyfiles; one that is no longer rendered (a detached NIC) is removed by the stager. */
    public static final OwnedFiles OWNED = OwnedFiles.of(RhelNames.CONNECTIONS + "nova-*.nmconnection");

    @Override
    public List<RenderedFile> render(NetworkConfig config, RendererOptions options) {
        List<RenderedFile> files = new ArrayList<>();
        for (NetInterface nic : config.interfaces()) {
            files.add(new RenderedFile(RhelNames.keyfile(nic.name()), keyfile(nic), 0600));
        }
        return files;
    }

    static String keyfile(NetInterface nic) {
        StringBuilder out = new StringBuilder(RhelNames.HEADER);
        out.append("# Label ").append(SafeText.comment(nic.label())).append('\n');
        out.append("[connection]\n");
        out.append("id=").append(RhelNames.connectionId(nic.name())).append('\n');
        out.append("uuid=").append(RhelNames.uuid(nic.mac())).append('\n');
        out.append("type=ethernet\n");
        out.append("interface-name=").append(nic.name()).append('\n');
        out.append("autoconnect-priority=50\n\n");
        out.append("[ethernet]\n");
        out.append("mac-address=").append(nic.mac().toUpperCase()).append("\n\n");
        family(out, "ipv4", nic.ipv4(), nic.gateway4(), dns(nic, false), routes(nic, false), "disabled");
        out.append('\n');
        family(out, "ipv6", nic.ipv6(), nic.gateway6(), dns(nic, true), routes(nic, true), "ignore");
        return out.toString();
    }

    private static void family(StringBuilder out, String section, List<IpAddress> addresses, Optional<String> gateway,
                               List<String> dns, List<Route> routes, String off) {
        out.append('[').append(section).append("]\n");
        if (addresses.isEmpty()) {
            out.append("method=").append(off).append('\n');
            return;
        }
        out.append("method=manual\n");
        for (int i = 0; i < addresses.size(); i++) {
            out.append("address").append(i + 1).append('=').append(addresses.get(i).cidr());
            if (i == 0 && gateway.isPresent()) {
                out.append(',').append(gateway.get());
            }
            out.append('\n');
        }
        if (!dns.isEmpty()) {
            out.append("dns=").append(String.join(";", dns)).append(";\n");
        }
        for (int i = 0; i < routes.size(); i++) {
            out.append("route").append(i + 1).append('=').append(routes.get(i).cidr()).append(',')
                    .append(routes.get(i).gateway()).append('\n');
        }
    }

    private static List<String> dns(NetInterface nic, boolean ipv6) {
        return nic.dns().stream().filter(d -> d.contains(":") == ipv6).toList();
    }

    private static List<Route> routes(NetInterface nic, boolean ipv6) {
        return nic.routes().stream().filter(r -> r.ipv6() == ipv6).toList();
    }
}
