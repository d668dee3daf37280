/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.debian.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.novaagent.network.EniFileEditor;
import org.novaagent.network.Headers;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.NetworkRenderer;
import org.novaagent.network.RenderedFile;
import org.novaagent.network.RendererOptions;

/**
 * Renders ifupdown's {@code /etc/network/interfaces} format (ENI) without losing anything the
 * operator wrote. When the main file includes {@code interfaces.d}, our stanzas go to
 * {@code etc/network/interfaces.d/50-nova-agent}; otherwise the main file is rewritten with
 * our stanzas in a {@code # BEGIN nova-agent} / {@code # END nova-agent} block that replaces
 * the previous one. Stanzas elsewhere in the main file for interfaces we configure are
 * commented out with a {@code # disabled by nova-agent:} prefix. Pure: no I/O.
 */
public final class EniRenderer implements NetworkRenderer {

    /** The main file, relative to the target root. */
    public static final String INTERFACES = "etc/network/interfaces";
    /** Our drop-in file, relative to the target root. */
    public static final String DROP_IN = EniFileEditor.DROP_IN.substring(1);

    static final String HEADER = Headers.hashComment();
    private static final String DEFAULT_MAIN = "# interfaces(5) file used by ifup(8) and ifdown(8)\n"
            + "auto lo\niface lo inet loopback\n";
    /** Rendered first when no file ifupdown reads has an active {@code iface lo} stanza (2.x always wrote one). */
    static final String LOOPBACK = "auto lo\niface lo inet loopback\n\n";

    @Override
    public List<RenderedFile> render(NetworkConfig config, RendererOptions options) {
        Set<String> owned = new LinkedHashSet<>();
        config.interfaces().forEach(nic -> owned.add(nic.name()));
        String current = options.existing(INTERFACES).orElse(DEFAULT_MAIN);
        EniFileEditor.Edited edited = EniFileEditor.edit(current, owned);
        String stanzas = (hasLoopback(edited, options) ? "" : LOOPBACK) + stanzas(config);
        List<RenderedFile> files = new ArrayList<>();
        if (edited.sourcesDropIn()) {
            String main = join(edited.before(), "", edited.after());
            if (!main.equals(normalise(current))) {
                files.add(new RenderedFile(INTERFACES, main, 0644));
            }
            files.add(new RenderedFile(DROP_IN, HEADER + "\n" + stanzas, 0644));
        } else {
            String block = EniFileEditor.BEGIN + "\n" + Headers.hashBlockComment() + "\n" + stanzas
                    + EniFileEditor.END + "\n";
            List<String> before = edited.before();
            if (!edited.hadBlock() && !before.isEmpty() && !before.get(before.size() - 1).isBlank()) {
                before = new ArrayList<>(before);
                before.add("");
            }
            files.add(new RenderedFile(INTERFACES, join(before, block, edited.after()), 0644));
        }
        return files;
    }

    /**
     * The names of the interfaces whose stanzas ifupdown must bring up, in file order.
     *
     * @param config the network
     * @return kernel names
     */
    public static List<String> interfaceNames(NetworkConfig config) {
        return config.interfaces().stream().map(NetInterface::name).toList();
    }

    /** An active {@code iface lo} in the main file (outside our block) or in a file it sources, other than ours. */
    static boolean hasLoopback(EniFileEditor.Edited main, RendererOptions options) {
        List<String> lines = new ArrayList<>(main.before());
        lines.addAll(main.after());
        options.existingFiles().forEach((path, content) -> {
            if (!path.equals(INTERFACES) && !path.equals(DROP_IN)) {
                lines.addAll(content.lines().toList());
            }
        });
        return lines.stream().map(String::strip).anyMatch(l -> l.matches("iface\\s+lo\\s.*"));
    }

    private static String stanzas(NetworkConfig config) {
        StringBuilder out = new StringBuilder();
        for (NetInterface nic : config.interfaces()) {
            out.append(EniStanzas.render(nic)).append('\n');
        }
        return out.toString();
    }

    private static String join(List<String> before, String block, List<String> after) {
        StringBuilder out = new StringBuilder();
        before.forEach(line -> out.append(line).append('\n'));
        out.append(block);
        after.forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    private static String normalise(String content) {
        return content.isEmpty() || content.endsWith("\n") ? content : content + "\n";
    }
}
