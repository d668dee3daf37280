/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

/**
 * The host's network data cannot be used (invalid field, nothing matches a local NIC). The
 * message names the XenStore key and field and is safe to send to the host; the handler answers
 * {@code "500"} with it and writes nothing.
 */
public class NetworkConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message host-safe message naming the key and field */
    public NetworkConfigException(String message) {
        super(message);
    }

    /**
     * @param key     the XenStore key, e.g. {@code vm-data/networking/BC764E207572}
     * @param field   the field inside the JSON value, e.g. {@code ips[0].netmask}
     * @param problem what is wrong, e.g. {@code non-contiguous netmask '255.0.255.0'}
     * @return an exception with the message {@code <key>: field '<field>': <problem>}
     */
    public static NetworkConfigException field(String key, String field, String problem) {
        return new NetworkConfigException(key + ": field '" + field + "': " + problem);
    }
}
