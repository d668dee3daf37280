/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * Plugin: {@code resetnetwork} for openSUSE and SLES with wicked: {@code ifcfg-<if>} and
 * {@code ifroute-<if>} under {@code /etc/sysconfig/network} in SUSE's key set and quoting, DNS
 * through netconfig's {@code NETCONFIG_DNS_STATIC_SERVERS}, applied with {@code wicked ifreload}.
 */
module org.novaagent.plugin.network.suse {
    requires org.novaagent.api;
    requires org.novaagent.network;

    provides org.novaagent.api.CommandHandler
            with org.novaagent.plugin.network.suse.internal.ResetNetworkCommandHandler;
}
