/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * The network model shared by the resetnetwork plugins: the XenStore parser, interface
 * discovery, the pure {@code NetworkRenderer} contract, the {@code FileStager} (the only writer)
 * and {@code ResetNetworkFlow}, the handler logic every network plugin reuses.
 * A library: it provides no command handler. {@code org.novaagent.network.internal} is not exported.
 */
module org.novaagent.network {
    requires transitive org.novaagent.api;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    exports org.novaagent.network;
}
