/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.windows.activation.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.novaagent.api.CommandException;

/**
 * A validated KMS server address {@code <host>:<port>}. Exists because the value goes onto the
 * {@code cscript} command line: only a DNS name, an IPv4 literal or a bracketed IPv6 literal and a
 * port 1-65535 get through, so no shell or WSH metacharacter can.
 *
 * @param host a DNS name, an IPv4 literal or a bracketed IPv6 literal ({@code [2001:db8::1]})
 * @param port 1-65535
 */
record KmsServer(String host, int port) {

    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern DNS = Pattern.compile(LABEL + "(?:\\." + LABEL + ")*\\.?");
    private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
            + "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[^\\]]*\\]|[^:\\[\\]]+):([1-9][0-9]{0,4})");
    static final String EXPECTED = "kmsactivate expects '<kms-host>:<port>' (a DNS name, an IPv4 address or an "
            + "[IPv6] address, and a port 1-65535)";

    /**
     * @param value the request value; surrounding whitespace is ignored
     * @return the server
     * @throws CommandException {@code "500"} with {@link #EXPECTED} for anything else
     */
    static KmsServer parse(String value) throws CommandException {
        Matcher m = HOST_PORT.matcher(value.strip());
        if (!m.matches()) {
            throw invalid();
        }
        String host = m.group(1);
        int port = Integer.parseInt(m.group(2));
        if (port < 1 || port > 65535 || !validHost(host)) {
            throw invalid();
        }
        return new KmsServer(host, port);
    }

    private static boolean validHost(String host) {
        if (host.startsWith("[")) {
            String literal = host.substring(1, host.length() - 1);
            if (!IPV6_CHARS.matcher(literal).matches() || !literal.contains(":")) {
                return false;
            }
            try {
                // A bracketed literal is parsed, never looked up; invalid ones throw. (IPv4-mapped
                // literals such as [::ffff:10.0.0.1] come back as Inet4Address, which is fine.)
                InetAddress.getByName(host);
                return true;
            } catch (UnknownHostException e) {
                return false;
            }
        }
        if (host.length() > 253 || !DNS.matcher(host).matches()) {
            return false;
        }
        boolean numeric = host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
        return !numeric || IPV4.matcher(host).matches();
    }

    private static CommandException invalid() {
        return new CommandException("500", EXPECTED);
    }

    /** @return {@code host:port}, as {@code slmgr /skms} expects it */
    @Override
    public String toString() {
        return host + ":" + port;
    }
}
