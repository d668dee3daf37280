/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link HostState} in the adapter query's output format, as PowerShell would print it
 * ({@code True}/{@code False}, dashed upper-case MACs, DNS and routes per family), so the fake
 * PowerShell can answer the real query and the real parser reads it.
 */
final class QueryOutput {

    private QueryOutput() {
    }

    static String of(HostState state) {
        List<String> lines = new ArrayList<>();
        lines.add("HOST|" + state.computerName());
        for (Adapter a : state.adapters()) {
            String[] kind = kindFields(a.kind());
            lines.add("A|" + a.ifIndex() + "|" + a.mac().map(m -> m.toUpperCase().replace(':', '-')).orElse("") + "|"
                    + kind[0] + "|" + ps(a.ipv4Enabled()) + "|" + ps(a.ipv6Enabled()) + "|" + ps(a.dhcp4()) + "|" + ps(a.up()) + "|" + kind[1]
                    + "|" + kind[2] + "|" + a.name());
        }
        for (Adapter a : state.adapters()) {
            a.addresses().forEach(ip -> lines.add("IP|" + a.ifIndex() + "|" + ip.address() + "|" + ip.prefix()));
            a.gateways().forEach(g -> lines.add("GW|" + a.ifIndex() + "|" + g));
            a.dns().forEach(d -> lines.add("DNS|" + a.ifIndex() + "|" + d));
            a.routes().stream().filter(r -> state.persistentRoutes().stream()
                            .noneMatch(p -> p.ifIndex() == a.ifIndex() && p.route().equals(r)))
                    .forEach(r -> lines.add("RT|" + a.ifIndex() + "|" + r.cidr() + "|" + r.gateway() + "|" + Change.ROUTE_METRIC));
        }
        state.interfaces().stream().sorted().forEach(i -> lines.add("IF|" + i));
        state.persistentRoutes().forEach(p -> lines.add("RT|" + p.ifIndex() + "|" + p.route().cidr() + "|"
                + p.route().gateway() + "|" + p.metric()));
        state.firewallRule().ifPresent(fw -> lines.add("FW|" + String.join(",", fw)));
        return String.join("\r\n", lines) + "\r\n";
    }

    /** ifType, component id and description Windows shows for each kind. */
    static String[] kindFields(AdapterKind kind) {
        return switch (kind) {
            case ETHERNET -> new String[] {"6", "xen\\vif", "XenServer PV Network Device #0"};
            case HYPERV_SWITCH -> new String[] {"6", "vms_mp", "Hyper-V Virtual Ethernet Adapter"};
            case VPN_TAP -> new String[] {"6", "tap0901", "TAP-Windows Adapter V9"};
            case LOOPBACK -> new String[] {"24", "*msloop", "Microsoft KM-TEST Loopback Adapter"};
            case OTHER -> new String[] {"131", "ms_pppoeminiport", "WAN Miniport (PPPOE)"};
        };
    }

    private static String ps(boolean b) {
        return b ? "True" : "False";
    }
}
