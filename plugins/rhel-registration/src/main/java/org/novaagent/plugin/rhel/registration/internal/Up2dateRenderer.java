/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.rhel.registration.internal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders {@code /etc/sysconfig/rhn/up2date}, the Red Hat Update Agent configuration that points
 * {@code rhnreg_ks} at the cloud's RHN/Satellite servers (docs/protocol.md §5.1). Pure: no I/O. The text is
 * the fixed template of the 1.x/2.x agents without 2.x's leading empty line.
 */
final class Up2dateRenderer {

    private static final String TEMPLATE = """
            # Automatically generated Red Hat Update Agent config file, do not edit.
            # Format: 1.0
            versionOverride[comment]=Override the automatically determined system version
            versionOverride=

            enableProxyAuth[comment]=To use an authenticated proxy or not
            enableProxyAuth=0

            networkRetries[comment]=Number of attempts to make at network connections before giving up
            networkRetries=5

            hostedWhitelist[comment]=None
            hostedWhitelist=

            enableProxy[comment]=Use a HTTP Proxy
            enableProxy=0

            serverURL[comment]=Remote server URL
            serverURL=@SERVER_URL@

            proxyPassword[comment]=The password to use for an authenticated proxy
            proxyPassword=

            noSSLServerURL[comment]=None
            noSSLServerURL=@NO_SSL_SERVER_URL@

            proxyUser[comment]=The username for an authenticated proxy
            proxyUser=

            disallowConfChanges[comment]=Config options that can not be overwritten by a config update action
            disallowConfChanges=noReboot;sslCACert;useNoSSLForPackages;noSSLServerURL;serverURL;disallowConfChanges;

            sslCACert[comment]=The CA cert used to verify the ssl server
            sslCACert=/usr/share/rhn/RHN-ORG-TRUSTED-SSL-CERT

            debug[comment]=Whether or not debugging is enabled
            debug=0

            httpProxy[comment]=HTTP proxy in host:port format, e.g. squid.redhat.com:3128
            httpProxy=

            systemIdPath[comment]=Location of system id
            systemIdPath=/etc/sysconfig/rhn/systemid

            noReboot[comment]=Disable the reboot action
            noReboot=0
            """;

    private Up2dateRenderer() {
    }

    /**
     * @param domains validated host names (optionally {@code :port}), at least one
     * @return the file content; each URL list ends with {@code ;}
     */
    static String render(List<String> domains) {
        return TEMPLATE
                .replace("@SERVER_URL@", urls("https", domains))
                .replace("@NO_SSL_SERVER_URL@", urls("http", domains));
    }

    private static String urls(String scheme, List<String> domains) {
        return domains.stream().map(d -> scheme + "://" + d + "/XMLRPC;").collect(Collectors.joining());
    }
}
