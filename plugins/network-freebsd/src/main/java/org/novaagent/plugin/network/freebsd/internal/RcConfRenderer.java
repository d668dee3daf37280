/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.freebsd.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.novaagent.network.Headers;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.NetworkRenderer;
import org.novaagent.network.RenderedFile;
import org.novaagent.network.RendererOptions;

/**
 * Renders FreeBSD's network files: {@code /etc/rc.conf} edited in place with sysrc's semantics
 * ({@link RcConfEditor}, variables from {@link RcConfVariables}) and {@code /etc/resolv.conf}
 * (the nameservers of every NIC, in order, de-duplicated; left alone when nova sent none).
 * Pure: no I/O.
 */
public final class RcConfRenderer implements NetworkRenderer {

    /** The rc configuration, relative to the target root. */
    public static final String RC_CONF = "etc/rc.conf";
    /** The resolver file, relative to the target root. */
    public static final String RESOLV_CONF = "etc/resolv.conf";

    @Override
    public List<RenderedFile> render(NetworkConfig config, RendererOptions options) {
        Set<String> interfaces = new LinkedHashSet<>();
        config.interfaces().forEach(nic -> interfaces.add(nic.name()));
        String current = options.existing(RC_CONF).orElse("");
        List<RenderedFile> files = new ArrayList<>();
        files.add(new RenderedFile(RC_CONF, RcConfEditor.edit(current, RcConfVariables.of(config), interfaces), 0644));
        Set<String> servers = new LinkedHashSet<>();
        for (NetInterface nic : config.interfaces()) {
            servers.addAll(nic.dns());
        }
        if (!servers.isEmpty()) {
            StringBuilder resolv = new StringBuilder(Headers.hashComment());
            servers.forEach(s -> resolv.append("nameserver ").append(s).append('\n'));
            files.add(new RenderedFile(RESOLV_CONF, resolv.toString(), 0644));
        }
        return files;
    }
}
