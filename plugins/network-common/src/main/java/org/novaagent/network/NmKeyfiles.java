/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Paths and naming of the NetworkManager keyfiles nova-agent writes, shared by every plugin that
 * renders them (the RHEL family on EL10+/Fedora 41+, SUSE on Leap 16/SLES 16/Tumbleweed): one
 * {@code /etc/NetworkManager/system-connections/nova-<if>.nmconnection} per NIC, whose connection
 * UUID is derived from the MAC so the same NIC keeps its NetworkManager identity across resets.
 */
public final class NmKeyfiles {

    /** NetworkManager's keyfile directory, relative to the root, with a trailing slash. */
    public static final String CONNECTIONS = "etc/NetworkManager/system-connections/";
    /** Our keyfiles; one that is no longer rendered (a detached NIC) is removed by the stager. */
    public static final OwnedFiles OWNED = OwnedFiles.of(CONNECTIONS + "nova-*.nmconnection");

    private NmKeyfiles() {
    }

    /**
     * @param ifname the interface
     * @return the connection id, {@code nova-<if>}
     */
    public static String connectionId(String ifname) {
        return "nova-" + ifname;
    }

    /**
     * @param ifname the interface
     * @return the root-relative path of its keyfile
     */
    public static String keyfile(String ifname) {
        return CONNECTIONS + connectionId(ifname) + ".nmconnection";
    }

    /**
     * A stable connection UUID: name-based (RFC 4122 version 3) from the MAC, so the same NIC
     * keeps its NetworkManager identity across resets and renames.
     *
     * @param mac lower-case colon MAC
     * @return the UUID text
     */
    public static String uuid(String mac) {
        return UUID.nameUUIDFromBytes(("nova-agent:" + mac.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * @param content a keyfile
     * @return its {@code key=value} lines as {@code section.key} (comments skipped, values stripped)
     */
    public static Map<String, String> keys(String content) {
        Map<String, String> keys = new HashMap<>();
        String section = "";
        for (String raw : content.lines().toList()) {
            String line = raw.strip();
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1);
            } else if (!line.startsWith("#") && line.indexOf('=') > 0) {
                keys.put(section + "." + line.substring(0, line.indexOf('=')).strip(),
                        line.substring(line.indexOf('=') + 1).strip());
            }
        }
        return keys;
    }
}
