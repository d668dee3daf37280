/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.alpine.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.novaagent.network.EniFileEditor;
import org.novaagent.network.Headers;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.NetworkRenderer;
import org.novaagent.network.RenderedFile;
import org.novaagent.network.RendererOptions;

/**
 * Renders Alpine's network files: the ifupdown-ng dialect of {@code /etc/network/interfaces}
 * and {@code /etc/resolv.conf}. Alpine's installer writes one main file with no
 * {@code source} line, so our stanzas always go into it, between {@code # BEGIN nova-agent} and
 * {@code # END nova-agent}; the block replaces the previous one in place, every other line is
 * kept, and stanzas elsewhere for interfaces we configure are commented out (ifupdown-ng merges
 * two stanzas of one interface, so a leftover {@code inet dhcp} would run next to our
 * addresses). Pure: no I/O.
 */
public final class IfupdownNgRenderer implements NetworkRenderer {

    /** The main file, relative to the target root. */
    public static final String INTERFACES = "etc/network/interfaces";
    /** The resolver file, relative to the target root. */
    public static final String RESOLV_CONF = "etc/resolv.conf";

    static final String HEADER = Headers.hashComment();
    /** What Alpine's setup-interfaces writes for the loopback, used when the main file is missing. */
    private static final String DEFAULT_MAIN = "auto lo\niface lo inet loopback\n";

    @Override
    public List<RenderedFile> render(NetworkConfig config, RendererOptions options) {
        Set<String> owned = new LinkedHashSet<>();
        config.interfaces().forEach(nic -> owned.add(nic.name()));
        String current = options.existing(INTERFACES).orElse(DEFAULT_MAIN);
        EniFileEditor.Edited edited = EniFileEditor.edit(current, owned);
        StringBuilder block = new StringBuilder(EniFileEditor.BEGIN).append('\n').append(Headers.hashBlockComment()).append('\n');
        for (NetInterface nic : config.interfaces()) {
            block.append(IfupdownNgStanzas.render(nic)).append('\n');
        }
        block.append(EniFileEditor.END).append('\n');
        List<String> before = new ArrayList<>(edited.before());
        if (!edited.hadBlock() && !before.isEmpty() && !before.get(before.size() - 1).isBlank()) {
            before.add("");
        }
        StringBuilder main = new StringBuilder();
        before.forEach(line -> main.append(line).append('\n'));
        main.append(block);
        edited.after().forEach(line -> main.append(line).append('\n'));

        List<RenderedFile> files = new ArrayList<>();
        files.add(new RenderedFile(INTERFACES, main.toString(), 0644));
        resolvConf(config).ifPresent(files::add);
        return files;
    }

    /**
     * {@code nameserver} lines for the DNS servers of every interface, in interface order,
     * de-duplicated; none when nova sent no DNS (the existing file is then left alone).
     */
    static Optional<RenderedFile> resolvConf(NetworkConfig config) {
        Set<String> servers = new LinkedHashSet<>();
        config.interfaces().forEach(nic -> servers.addAll(nic.dns()));
        if (servers.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(HEADER);
        servers.forEach(server -> out.append("nameserver ").append(server).append('\n'));
        return Optional.of(new RenderedFile(RESOLV_CONF, out.toString(), 0644));
    }
}
