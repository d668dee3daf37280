/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * Plugin: {@code resetnetwork} for RHEL, CentOS, Alma, Rocky and Fedora. Renders ifcfg and
 * route files (EL7–EL9) or NetworkManager keyfiles (EL10+, or on request) and reloads
 * NetworkManager or the legacy network service.
 */
module org.novaagent.plugin.network.rhel {
    requires org.novaagent.api;
    requires org.novaagent.network;
    requires org.slf4j;

    provides org.novaagent.api.CommandHandler
            with org.novaagent.plugin.network.rhel.internal.ResetNetworkCommandHandler;
}
