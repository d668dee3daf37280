/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.gentoo.internal;

import java.util.List;

import org.novaagent.network.NetworkConfig;
import org.novaagent.network.NetworkRenderer;
import org.novaagent.network.RenderedFile;
import org.novaagent.network.RendererOptions;

/**
 * Renders netifrc's {@code /etc/conf.d/net}: the operator's file with nova-agent's block
 * ({@link ConfNetEditor}, variables from {@link NetifrcVariables}). DNS is part of it
 * ({@code dns_servers_<if>}): netifrc writes {@code /etc/resolv.conf} when the interface starts, so
 * the renderer does not. Pure: no I/O.
 */
public final class NetifrcRenderer implements NetworkRenderer {

    /** netifrc's configuration, relative to the target root. */
    public static final String CONF_NET = "etc/conf.d/net";

    @Override
    public List<RenderedFile> render(NetworkConfig config, RendererOptions options) {
        String current = options.existing(CONF_NET).orElse("");
        return List.of(new RenderedFile(CONF_NET, ConfNetEditor.edit(CONF_NET, current, config.interfaces()), 0644));
    }
}
