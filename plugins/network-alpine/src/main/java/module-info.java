/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * Plugin: {@code resetnetwork} for Alpine Linux, whose {@code ifup} is ifupdown-ng. Renders the
 * ifupdown-ng dialect of {@code /etc/network/interfaces}, writes {@code /etc/resolv.conf}, keeps
 * the operator's lines, and brings changed interfaces down and up.
 */
module org.novaagent.plugin.network.alpine {
    requires org.novaagent.api;
    requires org.novaagent.network;

    provides org.novaagent.api.CommandHandler
            with org.novaagent.plugin.network.alpine.internal.ResetNetworkCommandHandler;
}
