/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * Plugin: {@code resetnetwork} for Gentoo with OpenRC and netifrc. Edits {@code /etc/conf.d/net}
 * ({@code config_<if>}, {@code routes_<if>}, {@code dns_servers_<if>}) and restarts the
 * {@code net.<if>} services. Gentoo's systemd profiles are served by network-networkd.
 */
module org.novaagent.plugin.network.gentoo {
    requires org.novaagent.api;
    requires org.novaagent.network;

    provides org.novaagent.api.CommandHandler
            with org.novaagent.plugin.network.gentoo.internal.ResetNetworkCommandHandler;
}
