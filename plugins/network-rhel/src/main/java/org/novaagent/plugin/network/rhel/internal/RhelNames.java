/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.rhel.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.novaagent.network.Headers;

/** Paths, the generated-file header and the connection naming shared by both RHEL renderers. */
final class RhelNames {

    static final String SCRIPTS = "etc/sysconfig/network-scripts/";
    static final String SYSCONFIG_NETWORK = "etc/sysconfig/network";
    static final String CONNECTIONS = "etc/NetworkManager/system-connections/";
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
        return CONNECTIONS + connectionId(ifname) + ".nmconnection";
    }

    static String connectionId(String ifname) {
        return "nova-" + ifname;
    }

    /**
     * A stable connection UUID: name-based (RFC 4122 version 3) from the MAC, so the same NIC
     * keeps its NetworkManager identity across resets and renames.
     *
     * @param mac lower-case colon MAC
     * @return the UUID text
     */
    static String uuid(String mac) {
        return UUID.nameUUIDFromBytes(("nova-agent:" + mac.toLowerCase()).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
