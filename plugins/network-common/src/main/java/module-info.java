/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
/**
 * The network model shared by the resetnetwork plugins: the XenStore parser, interface
 * discovery, the pure {@code NetworkRenderer} contract and the {@code FileStager}, the only writer.
 * A library: it provides no command handler.
 */
module org.novaagent.network {
    requires transitive org.novaagent.api;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    exports org.novaagent.network;
}
