/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * Plugin: {@code resetnetwork} through systemd-networkd, for Arch and any systemd distribution
 * without netplan, ifupdown or NetworkManager: one {@code .network} file per NIC, matched by MAC,
 * DNS handed to systemd-resolved, applied with {@code networkctl}.
 */
module org.novaagent.plugin.network.networkd {
    requires org.novaagent.api;
    requires org.novaagent.network;

    provides org.novaagent.api.CommandHandler
            with org.novaagent.plugin.network.networkd.internal.ResetNetworkCommandHandler;
}
