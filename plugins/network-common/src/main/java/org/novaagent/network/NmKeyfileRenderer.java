/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders NetworkManager keyfiles, one {@code nova-<if>.nmconnection} (mode 0600, which
 * NetworkManager requires) per NIC ({@link NmKeyfiles} names them): the RHEL family on EL10+ where
 * NetworkManager no longer reads ifcfg, or when the operator asks for keyfiles, and SUSE releases
 * that replaced wicked with NetworkManager. The connection is bound to the MAC, keyed by a UUID
 * derived from it, and has a raised autoconnect priority so it wins over an installer's
 * profile for the same device at boot. Pure: no I/O.
 */
public final class NmKeyfileRenderer implements NetworkRenderer {

    /** Our keyfiles ({@link NmKeyfiles#OWNED}). */
    public static final OwnedFiles OWNED = NmKeyfiles.OWNED;

    /** Creates the renderer (stateless). */
    public NmKeyfileRenderer() {
    }

    @Override
    public List<RenderedFile> render(NetworkConfig config, RendererOptions options) {
        List<RenderedFile> files = new ArrayList<>();
        for (NetInterface nic : config.interfaces()) {
            files.add(new RenderedFile(NmKeyfiles.keyfile(nic.name()), keyfile(nic), 0600));
        }
        return files;
    }

    /**
     * @param nic the interface
     * @return its keyfile
     */
    public static String keyfile(NetInterface nic) {
        StringBuilder out = new StringBuilder(Headers.hashComment());
        out.append("# Label ").append(SafeText.comment(nic.label())).append('\n');
        out.append("[connection]\n");
        out.append("id=").append(NmKeyfiles.connectionId(nic.name())).append('\n');
        out.append("uuid=").append(NmKeyfiles.uuid(nic.mac())).append('\n');
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
