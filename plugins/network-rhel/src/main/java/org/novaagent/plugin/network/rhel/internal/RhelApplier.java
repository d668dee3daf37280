/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.rhel.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.novaagent.network.Applier;
import org.novaagent.network.ApplyPlan;
import org.novaagent.network.FileChange;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NmKeyfileApplier;

/**
 * Makes written RHEL files take effect for the changed interfaces only. With NetworkManager:
 * {@code nmcli connection reload} (picks up removals), then for ifcfg files
 * {@code nmcli connection load <file>}, and {@code nmcli connection up uuid <uuid>} per
 * interface (keyfiles: network-common's {@link NmKeyfileApplier}) (2.x toggled all networking off and on instead, spec 4.5). Without it: the legacy
 * network service ({@code systemctl restart network} after flushing changed interfaces), or
 * {@code ifdown}/{@code ifup} when there is no systemctl.
 */
final class RhelApplier implements Applier {

    private static final Pattern CHANGED = Pattern.compile(
            "^(?:" + Pattern.quote(RhelNames.SCRIPTS) + "(?:ifcfg|route6?)-(.+)|"
                    + Pattern.quote(RhelNames.CONNECTIONS) + "nova-(.+)\\.nmconnection)$");
    private static final Pattern UUID_LINE = Pattern.compile("(?m)^UUID=([0-9a-f-]{36})$");

    enum Mode { NM_IFCFG, NM_KEYFILE, LEGACY_SYSTEMCTL, LEGACY_IFUP }

    private final Mode mode;

    RhelApplier(Mode mode) {
        this.mode = mode;
    }

    @Override
    public List<List<String>> preCommands(ApplyPlan plan) {
        List<List<String>> out = new ArrayList<>();
        if (mode == Mode.LEGACY_IFUP) {
            changed(plan).forEach(nic -> out.add(List.of("ifdown", nic.name())));
        }
        return out;
    }

    @Override
    public List<List<String>> commands(ApplyPlan plan) {
        List<NetInterface> changed = changed(plan);
        List<List<String>> out = new ArrayList<>();
        switch (mode) {
            case NM_KEYFILE -> out.addAll(new NmKeyfileApplier().commands(plan));
            case NM_IFCFG -> {
                out.add(List.of("nmcli", "connection", "reload"));
                for (NetInterface nic : changed) {
                    out.add(List.of("nmcli", "connection", "load", "/" + RhelNames.ifcfg(nic.name())));
                    out.add(List.of("nmcli", "connection", "up", "uuid", uuid(plan, nic)));
                }
            }
            case LEGACY_SYSTEMCTL -> {
                changed.forEach(nic -> out.add(List.of("ip", "addr", "flush", "dev", nic.name())));
                out.add(List.of("systemctl", "restart", "network"));
            }
            case LEGACY_IFUP -> changed.forEach(nic -> {
                out.add(List.of("ip", "addr", "flush", "dev", nic.name()));
                out.add(List.of("ifup", nic.name()));
            });
        }
        return out;
    }

    /** Configured interfaces with a written or removed file, in config order. */
    static List<NetInterface> changed(ApplyPlan plan) {
        Set<String> names = new LinkedHashSet<>(plan.takenOver());
        for (FileChange c : plan.changes()) {
            Matcher m = CHANGED.matcher(c.path());
            if (c.changesConfig() && m.matches()) {
                names.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        return plan.config().interfaces().stream().filter(nic -> names.contains(nic.name())).toList();
    }

    /** The connection UUID: the one written into the ifcfg file (it may be the operator's), else ours. */
    private static String uuid(ApplyPlan plan, NetInterface nic) {
        String path = RhelNames.ifcfg(nic.name());
        Optional<String> written = plan.changes().stream().filter(c -> c.path().equals(path))
                .map(c -> c.newContent().orElse("")).findFirst()
                .flatMap(content -> {
                    Matcher m = UUID_LINE.matcher(content);
                    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
                });
        return written.orElse(RhelNames.uuid(nic.mac()));
    }
}
