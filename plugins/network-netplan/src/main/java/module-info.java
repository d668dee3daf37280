/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * Plugin: {@code resetnetwork} rendered for netplan ({@code etc/netplan/50-nova-agent.yaml},
 * applied with {@code netplan apply}). Exports nothing.
 *
 * @provides org.novaagent.api.CommandHandler
 */
module org.novaagent.plugin.network.netplan {
    requires org.novaagent.api;
    requires org.novaagent.network;
    requires org.slf4j;

    provides org.novaagent.api.CommandHandler
            with org.novaagent.plugin.network.netplan.internal.ResetNetworkCommandHandler;
}
