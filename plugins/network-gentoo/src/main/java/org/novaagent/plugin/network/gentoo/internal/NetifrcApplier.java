/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.gentoo.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.novaagent.network.Applier;
import org.novaagent.network.ApplyPlan;
import org.novaagent.network.FileChange;

/**
 * Makes a changed {@code /etc/conf.d/net} take effect as the Gentoo handbook does it, per NIC whose
 * variables changed (or whose {@code conf.d/net.<if>} was taken over): the service link
 * {@code /etc/init.d/net.<if> -> net.lo} ({@code ln -snf}, idempotent), {@code rc-update add net.<if>
 * default} (exit 0 when it is already there) so it comes up at boot, and {@code rc-service net.<if>
 * restart} (starts a stopped service). A NIC whose variables left the file is stopped and removed from
 * the default runlevel before the file is written ({@code rc-service --ifexists}, {@code rc-update del};
 * failures there are only logged). Only the changed NICs are restarted, so the others keep their
 * connections.
 *
 * <p>A failed apply gets the previous file back; then a NIC that had none of our variables in it
 * nor in its {@code conf.d/net.<if>} (new in the failed request) is stopped, and what this request created for it is
 * undone: {@code rc-update del} when it was not in the default runlevel before, {@code rm -f} of the
 * service link when there was none (rm removes the link, never what it points to). Otherwise netifrc
 * would run its default, DHCP, on that NIC at every boot. The other changed NICs are restarted on
 * the old file.
 */
final class NetifrcApplier implements Applier {

    private final ServiceLinks before;

    /** @param before the {@code net.*} services present before this request */
    NetifrcApplier(ServiceLinks before) {
        this.before = before;
    }

    /** Restarts a running standalone dhcpcd when its configuration changed (it reads it only at start). */
    static final List<String> DHCPCD_RESTART = List.of("rc-service", "--ifstarted", "dhcpcd", "restart");

    @Override
    public List<List<String>> commands(ApplyPlan plan) {
        List<List<String>> out = new ArrayList<>(dhcpcd(plan));
        for (String ifname : changedInterfaces(plan)) {
            out.addAll(start(ifname));
        }
        return out;
    }

    @Override
    public List<List<String>> rollbackCommands(ApplyPlan plan) {
        Set<String> hadConfig = new LinkedHashSet<>();
        plan.changes().stream().filter(FileChange::changesConfig).map(FileChange::path)
                .filter(p -> p.startsWith(NetifrcForeignConfig.serviceConf("")))
                .forEach(p -> hadConfig.add(NetifrcVariables.shellVar(p.substring(NetifrcForeignConfig.serviceConf("").length()))));
        confNet(plan).forEach(c -> hadConfig.addAll(byInterface(c.oldContent().orElse("")).keySet()));
        List<List<String>> out = new ArrayList<>(dhcpcd(plan));
        for (String ifname : changedInterfaces(plan)) {
            String service = "net." + ifname;
            if (hadConfig.contains(NetifrcVariables.shellVar(ifname))) {
                out.addAll(start(ifname));
                continue;
            }
            out.add(List.of("rc-service", "--ifexists", service, "stop"));
            if (!before.enabled(service)) {
                out.add(List.of("rc-update", "del", service, "default"));
            }
            if (!before.linked(service)) {
                out.add(List.of("rm", "-f", "/etc/init.d/" + service));
            }
        }
        return out;
    }

    /** dhcpcd first (it lets go of our NICs, or takes them back after a rollback), then netifrc. */
    private static List<List<String>> dhcpcd(ApplyPlan plan) {
        return plan.changes().stream().anyMatch(c -> c.changesConfig() && c.path().equals(DhcpcdForeignConfig.DHCPCD_CONF))
                ? List.of(DHCPCD_RESTART) : List.of();
    }

    /** The configured NICs whose variables changed or were taken over, in config order. */
    private static List<String> changedInterfaces(ApplyPlan plan) {
        Set<String> changed = changed(plan);
        return plan.interfaceNames().stream().filter(n -> changed.contains(NetifrcVariables.shellVar(n))).toList();
    }

    /** Link (only where no {@code net.<if>} is: an operator's own script is never replaced), enable, restart. */
    private List<List<String>> start(String ifname) {
        String service = "net." + ifname;
        List<List<String>> out = new ArrayList<>();
        if (!before.linked(service)) {
            out.add(List.of("ln", "-sn", "net.lo", "/etc/init.d/" + service));
        }
        out.add(List.of("rc-update", "add", service, "default"));
        out.add(List.of("rc-service", service, "restart"));
        return out;
    }

    @Override
    public List<List<String>> preCommands(ApplyPlan plan) {
        Set<String> configured = new LinkedHashSet<>();
        plan.interfaceNames().forEach(n -> configured.add(NetifrcVariables.shellVar(n)));
        List<List<String>> out = new ArrayList<>();
        for (FileChange change : confNet(plan)) {
            Set<String> gone = new LinkedHashSet<>(byInterface(change.oldContent().orElse("")).keySet());
            gone.removeAll(byInterface(change.newContent().orElse("")).keySet());
            gone.removeAll(configured);
            for (String ifname : gone) {
                out.add(List.of("rc-service", "--ifexists", "net." + ifname, "stop"));
                out.add(List.of("rc-update", "del", "net." + ifname, "default"));
            }
        }
        return out;
    }

    /** shell_var names of the NICs whose owned variables differ, taken-over NICs included. */
    static Set<String> changed(ApplyPlan plan) {
        Set<String> changed = new LinkedHashSet<>();
        plan.takenOver().forEach(n -> changed.add(NetifrcVariables.shellVar(n)));
        for (FileChange change : confNet(plan)) {
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
        return changed;
    }

    private static List<FileChange> confNet(ApplyPlan plan) {
        return plan.changes().stream().filter(FileChange::changesConfig)
                .filter(c -> c.path().equals(NetifrcRenderer.CONF_NET)).toList();
    }

    /** The owned assignments (whole statements) per shell_var suffix; commented lines are not statements. */
    static Map<String, String> byInterface(String content) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ConfNetStatements.Statement s : ConfNetStatements.parse(NetifrcRenderer.CONF_NET, content)) {
            s.variable().flatMap(NetifrcVariables::ownedSuffix)
                    .ifPresent(var -> out.merge(var, s.text().strip() + "\n", String::concat));
        }
        return out;
    }
}
