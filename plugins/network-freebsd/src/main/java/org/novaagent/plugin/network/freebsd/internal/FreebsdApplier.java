/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.freebsd.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.novaagent.network.Applier;
import org.novaagent.network.ApplyPlan;
import org.novaagent.network.FileChange;

/**
 * Makes a changed rc.conf take effect as FreeBSD's own scripts do: {@code service netif restart <if>}
 * for each NIC whose {@code ifconfig_<if>*} lines changed ({@code service netif stop <if>} for one
 * no longer configured), then {@code service routing restart} when anything in rc.conf changed
 * (or a later rc.conf.local/rc.conf.d line for our NICs was taken over, {@link ApplyPlan#takenOver()})
 * (default routers and static routes are global, and restarting an interface drops its routes).
 */
final class FreebsdApplier implements Applier {

    private static final Pattern IFCONFIG = Pattern.compile("^\\s*(?:ipv6_)?ifconfig_([A-Za-z0-9.]+?)(?:_ipv6|_alias[0-9]+|_aliases)?=(.*)$");

    @Override
    public List<List<String>> commands(ApplyPlan plan) {
        List<List<String>> out = new ArrayList<>();
        boolean rcConfChanged = !plan.takenOver().isEmpty();
        Set<String> changed = new LinkedHashSet<>(plan.takenOver());
        for (FileChange change : plan.changes()) {
            if (!change.changesConfig() || !change.path().equals(RcConfRenderer.RC_CONF)) {
                continue;
            }
            rcConfChanged = true;
            Map<String, String> before = byInterface(change.oldContent().orElse(""));
            Map<String, String> after = byInterface(change.newContent().orElse(""));
            Set<String> names = new LinkedHashSet<>(before.keySet());
            names.addAll(after.keySet());
            for (String name : names) {
                if (!Objects.equals(before.get(name), after.get(name))) {
                    changed.add(name);
                }
            }
        }
        List<String> configured = plan.interfaceNames();
        for (String ifname : configured) {
            if (changed.contains(ifname)) {
                out.add(List.of("service", "netif", "restart", ifname));
            }
        }
        for (String ifname : changed) {
            if (!configured.contains(ifname) && !ifname.equals("DEFAULT")) {
                out.add(List.of("service", "netif", "stop", ifname));
            }
        }
        if (rcConfChanged) {
            out.add(List.of("service", "routing", "restart"));
        }
        return out;
    }

    /** Uncommented {@code ifconfig_*} assignment lines per interface. */
    static Map<String, String> byInterface(String content) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : content.lines().toList()) {
            Matcher m = IFCONFIG.matcher(line);
            if (m.matches()) {
                out.merge(m.group(1), line.strip() + "\n", String::concat);
            }
        }
        return out;
    }
}
