/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * What an adapter is, read from what {@code Get-NetAdapter} reports (IANA {@code ifType}, the driver's
 * component id and description), so the planner leaves alone what is not a cloud NIC: a Hyper-V
 * virtual switch's host adapter (it shares the physical NIC's MAC), a VPN's TAP/TUN adapter, the
 * loopback adapter and anything that is not Ethernet. The same rule as network-common's
 * {@code NicDiscovery} on Linux (tun/tap, bridges, loopback skipped).
 */
enum AdapterKind {
    /** A real Ethernet adapter (Xen PV, emulated): configured when the host names its MAC. */
    ETHERNET,
    /** The host adapter of a Hyper-V virtual switch ({@code vms_mp}, "Hyper-V Virtual Ethernet Adapter"). */
    HYPERV_SWITCH,
    /** A VPN adapter: TAP-Windows ({@code tap0901}), Wintun, WireGuard, OpenVPN Data Channel Offload. */
    VPN_TAP,
    /** The Microsoft KM-TEST loopback adapter ({@code *msloop}) or a software loopback interface. */
    LOOPBACK,
    /** Any other interface type (wireless, tunnel, PPP, ...). */
    OTHER;

    /** IANA ifType of Ethernet ({@code ethernetCsmacd}). */
    static final int IF_TYPE_ETHERNET = 6;
    /** IANA ifType of a software loopback. */
    static final int IF_TYPE_LOOPBACK = 24;

    /**
     * @param ifType      IANA interface type as Windows reports it
     * @param componentId the driver's component id (e.g. {@code xen\vif}, {@code tap0901}); may be empty
     * @param description the interface description (e.g. {@code XenServer PV Network Device #0}); may be empty
     * @return the kind
     */
    static AdapterKind classify(int ifType, String componentId, String description) {
        String id = componentId.toLowerCase(Locale.ROOT);
        String text = description.toLowerCase(Locale.ROOT);
        if (ifType == IF_TYPE_LOOPBACK || id.equals("*msloop") || text.contains("loopback")) {
            return LOOPBACK;
        }
        if (id.startsWith("tap0") || id.contains("wintun") || id.contains("wireguard") || id.contains("ovpn")
                || text.contains("tap-windows") || text.contains("wintun") || text.contains("wireguard")
                || text.contains("openvpn")) {
            return VPN_TAP;
        }
        if (id.equals("vms_mp") || text.contains("hyper-v virtual ethernet adapter")) {
            return HYPERV_SWITCH;
        }
        return ifType == IF_TYPE_ETHERNET ? ETHERNET : OTHER;
    }

    /** @return why an adapter of this kind is skipped, or empty for {@link #ETHERNET} */
    Optional<String> skipReason() {
        return switch (this) {
            case ETHERNET -> Optional.empty();
            case HYPERV_SWITCH -> Optional.of("a Hyper-V virtual switch adapter");
            case VPN_TAP -> Optional.of("a VPN TAP/TUN adapter");
            case LOOPBACK -> Optional.of("a loopback adapter");
            case OTHER -> Optional.of("not an Ethernet adapter");
        };
    }
}
