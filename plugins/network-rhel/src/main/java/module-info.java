/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/** Plugin: {@code resetnetwork} rendered for rhel. */
module org.novaagent.plugin.network.rhel {
    requires org.novaagent.api;
    requires org.novaagent.network;
    requires org.slf4j;
}
