/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Bounces only the interfaces whose stanzas changed, so a resetnetwork that adds a NIC does
 * not drop the others: {@code ifdown <if>} with the old files still in place (a failure is
 * tolerated: the interface may not have been up), then {@code ip addr flush dev <if>} (Ubuntu
 * ifupdown bug 1584682: addresses left by an image survive ifdown) and {@code ifup <if>}.
 * The same commands serve Debian's ifupdown and Alpine's ifupdown-ng (busybox {@code ip}
 * accepts them too).
 */
public final class EniApplier implements Applier {

    /** Creates the applier (stateless). */
    public EniApplier() {
    }

    @Override
    public List<List<String>> preCommands(ApplyPlan plan) {
        List<List<String>> out = new ArrayList<>();
        for (String ifname : changedInterfaces(plan)) {
            out.add(List.of("ifdown", ifname));
        }
        return out;
    }

    @Override
    public List<List<String>> commands(ApplyPlan plan) {
        Set<String> configured = new LinkedHashSet<>(plan.interfaceNames());
        List<List<String>> out = new ArrayList<>();
        for (String ifname : changedInterfaces(plan)) {
            if (configured.contains(ifname)) {
                out.add(List.of("ip", "addr", "flush", "dev", ifname));
                out.add(List.of("ifup", ifname));
            }
        }
        return out;
    }

    /**
     * Interfaces whose effective stanzas differ between the old and new ENI files, configured
     * ones first in config order, then removed ones.
     */
    public static List<String> changedInterfaces(ApplyPlan plan) {
        Set<String> changed = new LinkedHashSet<>();
        for (FileChange change : plan.changes()) {
            if (!change.changesConfig()) {
                continue;
            }
            Map<String, String> before = stanzasByInterface(change.oldContent().orElse(""));
            Map<String, String> after = stanzasByInterface(change.newContent().orElse(""));
            Set<String> names = new LinkedHashSet<>(before.keySet());
            names.addAll(after.keySet());
            for (String name : names) {
                if (!Objects.equals(before.get(name), after.get(name))) {
                    changed.add(name);
                }
            }
        }
        changed.remove("lo");
        List<String> ordered = new ArrayList<>();
        for (String name : plan.interfaceNames()) {
            if (changed.remove(name)) {
                ordered.add(name);
            }
        }
        ordered.addAll(changed);
        return ordered;
    }

    /** Active (uncommented) stanza lines per base interface name ({@code eth0:1} counts as eth0). */
    public static Map<String, String> stanzasByInterface(String content) {
        Map<String, String> out = new LinkedHashMap<>();
        String current = null;
        for (String raw : content.lines().toList()) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            switch (words[0]) {
                case "iface", "mapping" -> current = words.length > 1 ? base(words[1]) : null;
                case "auto", "source", "source-directory", "no-auto-down", "no-scripts", "rename", "template" -> {
                    current = null;
                    for (int i = 1; i < words.length && !words[0].startsWith("source"); i++) {
                        out.merge(base(words[i]), line + "\n", String::concat);
                    }
                    continue;
                }
                default -> {
                    if (words[0].startsWith("allow-")) {
                        current = null;
                        continue;
                    }
                }
            }
            if (current != null) {
                out.merge(current, line + "\n", String::concat);
            }
        }
        return out;
    }

    private static String base(String ifname) {
        int colon = ifname.indexOf(':');
        return colon < 0 ? ifname : ifname.substring(0, colon);
    }
}
