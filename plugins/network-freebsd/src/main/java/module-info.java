/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * Plugin: {@code resetnetwork} for FreeBSD: {@code /etc/rc.conf} variables edited with sysrc's
 * semantics ({@code ifconfig_xnN}, aliases, {@code _ipv6}, default routers, static routes,
 * hostname), {@code /etc/resolv.conf}, NICs from {@code ifconfig -a}, applied with
 * {@code service netif} and {@code service routing}.
 */
module org.novaagent.plugin.network.freebsd {
    requires org.novaagent.api;
    requires org.novaagent.network;

    provides org.novaagent.api.CommandHandler
            with org.novaagent.plugin.network.freebsd.internal.ResetNetworkCommandHandler;
}
