/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/** Plugin: {@code resetnetwork} rendered for netplan. */
module org.novaagent.plugin.network.netplan {
    requires org.novaagent.api;
    requires org.novaagent.network;
    requires org.slf4j;
}
