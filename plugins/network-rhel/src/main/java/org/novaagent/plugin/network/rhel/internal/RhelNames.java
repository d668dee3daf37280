/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.rhel.internal;

import org.novaagent.network.Headers;
import org.novaagent.network.NmKeyfiles;

/** Paths, the generated-file header and the connection naming of the ifcfg renderer (keyfile naming is network-common's {@link NmKeyfiles}). */
final class RhelNames {

    static final String SCRIPTS = "etc/sysconfig/network-scripts/";
    static final String SYSCONFIG_NETWORK = "etc/sysconfig/network";
    static final String CONNECTIONS = NmKeyfiles.CONNECTIONS;
    static final String MARKER = Headers.MARKER;
    static final String HEADER = Headers.hashComment();

    private RhelNames() {
    }

    static String ifcfg(String ifname) {
        return SCRIPTS + "ifcfg-" + ifname;
    }

    static String route(String ifname, boolean ipv6) {
        return SCRIPTS + (ipv6 ? "route6-" : "route-") + ifname;
    }

    static String keyfile(String ifname) {
        return NmKeyfiles.keyfile(ifname);
    }

    static String connectionId(String ifname) {
        return NmKeyfiles.connectionId(ifname);
    }

    /**
     * The NIC's connection UUID ({@link NmKeyfiles#uuid}, shared with the keyfile renderer): the
     * ifcfg files carry it too, so a NIC keeps its NetworkManager identity when the format changes.
     *
     * @param mac lower-case colon MAC
     * @return the UUID text
     */
    static String uuid(String mac) {
        return NmKeyfiles.uuid(mac);
    }
}
