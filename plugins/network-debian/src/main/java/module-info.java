/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * Plugin: {@code resetnetwork} for Debian and Ubuntu with ifupdown ({@code /etc/network/interfaces})
 * and no netplan. Renders ENI stanzas, keeps the operator's lines, and brings changed
 * interfaces down and up.
 */
module org.novaagent.plugin.network.debian {
    requires org.novaagent.api;
    requires org.novaagent.network;
    requires org.slf4j;

    provides org.novaagent.api.CommandHandler
            with org.novaagent.plugin.network.debian.internal.ResetNetworkCommandHandler;
}
