/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.gentoo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.novaagent.network.EniFileEditor;
import org.novaagent.network.ForeignConfigTakeover;
import org.novaagent.network.Headers;
import org.novaagent.network.NetInterface;
import org.novaagent.network.SafeText;

/**
 * Edits {@code /etc/conf.d/net}: nova-agent's variables live between {@code # BEGIN nova-agent} and
 * {@code # END nova-agent}; the block replaces the previous one in place (or is appended), and every
 * other statement is kept byte for byte, except an assignment elsewhere in the file of a variable
 * nova-agent owns for a NIC it configures ({@link NetifrcVariables#OWNED_PREFIXES}, e.g. the
 * image's {@code config_eth0="dhcp"}): each of its lines is commented out with
 * {@value ForeignConfigTakeover#DISABLED}, so the file has exactly one definition of each. A NIC no
 * longer configured loses its variables with the block. Pure: works on strings only.
 */
final class ConfNetEditor {

    static final String BEGIN = EniFileEditor.BEGIN;
    static final String END = EniFileEditor.END;

    private ConfNetEditor() {
    }

    /**
     * @param file    the file's name for error messages
     * @param content the current file ({@code ""} when missing)
     * @param nics    the NICs nova-agent configures, in order
     * @return the new file
     * @throws IllegalArgumentException when the file has an unterminated value, a {@code BEGIN}
     *         without {@code END}, or two blocks
     */
    static String edit(String file, String content, List<NetInterface> nics) {
        Set<String> owned = nics.stream().map(n -> NetifrcVariables.shellVar(n.name())).collect(Collectors.toSet());
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        List<String> target = before;
        boolean inBlock = false;
        boolean hadBlock = false;
        for (ConfNetStatements.Statement s : ConfNetStatements.parse(file, content)) {
            String first = s.lines().get(0).strip();
            if (s.variable().isEmpty() && first.startsWith(BEGIN)) {
                if (hadBlock) {
                    throw new IllegalArgumentException(file + " has two '" + BEGIN + "' blocks");
                }
                inBlock = true;
                hadBlock = true;
            } else if (inBlock) {
                if (s.variable().isEmpty() && first.startsWith(END)) {
                    inBlock = false;
                    target = after;
                }
            } else if (s.variable().flatMap(NetifrcVariables::ownedSuffix).filter(owned::contains).isPresent()) {
                for (String l : s.lines()) {
                    target.add(ForeignConfigTakeover.DISABLED + l);
                }
            } else {
                target.addAll(s.lines());
            }
        }
        if (inBlock) {
            throw new IllegalArgumentException(file + " has '" + BEGIN + "' without '" + END + "'");
        }
        if (!hadBlock && !before.isEmpty() && !before.get(before.size() - 1).isBlank()) {
            before.add("");
        }
        StringBuilder out = new StringBuilder();
        before.forEach(l -> out.append(l).append('\n'));
        out.append(block(nics));
        after.forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }

    /** Our block: markers, header, and each NIC's label comment and assignments. */
    static String block(List<NetInterface> nics) {
        StringBuilder out = new StringBuilder(BEGIN).append('\n').append(Headers.hashBlockComment());
        for (NetInterface nic : nics) {
            out.append("# Label ").append(SafeText.comment(nic.label())).append(" (").append(nic.mac()).append(")\n");
            NetifrcVariables.of(nic).forEach((name, value) ->
                    out.append(NetifrcVariables.assignment(name, value)).append('\n'));
        }
        return out.append(END).append('\n').toString();
    }
}
