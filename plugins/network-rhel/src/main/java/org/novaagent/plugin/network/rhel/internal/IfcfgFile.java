/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.rhel.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.novaagent.network.IpAddress;
import org.novaagent.network.NetInterface;
import org.novaagent.network.SafeText;

/**
 * Writes one {@code ifcfg-<if>} file and merges in the lines of the previous file that we do
 * not manage (for example {@code ZONE=} for firewalld, 2.x issue #36). The 2.x agent matched
 * {@code ^IPV6ADDR=} only, so {@code IPV6ADDR1=} lines piled up on every reset (spec 7.1); here
 * every key we write, with or without an index, is owned, and the kept lines are de-duplicated
 * (the last assignment of a key wins, as in the shell), so a second render is a fixed point.
 */
final class IfcfgFile {

    /** Keys nova-agent writes; an existing line with one of them is dropped, never kept. */
    static final Pattern OWNED = Pattern.compile("^(DEVICE|HWADDR|BOOTPROTO|ONBOOT|IPADDR\\d*|PREFIX\\d*"
            + "|NETMASK\\d*|GATEWAY\\d*|DEFROUTE|IPV6INIT|IPV6_AUTOCONF|IPV6ADDR\\d*|IPV6ADDR_SECONDARIES"
            + "|IPV6_DEFAULTGW|DNS\\d+|NM_CONTROLLED|UUID)=");
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=");
    private static final Pattern UUID_LINE = Pattern.compile("^UUID=[\"']?([0-9a-fA-F-]{36})[\"']?\\s*$");
    static final String KEPT = "# Kept from the previous file (not managed by nova-agent):";

    private IfcfgFile() {
    }

    /**
     * @param nic          the interface
     * @param previous     the current file, if any
     * @param nmControlled whether NetworkManager manages the device
     * @return the file content
     */
    static String render(NetInterface nic, Optional<String> previous, boolean nmControlled) {
        List<String> kept = previous.map(IfcfgFile::keptLines).orElse(List.of());
        String uuid = previous.flatMap(IfcfgFile::uuidOf).orElse(RhelNames.uuid(nic.mac()));
        StringBuilder out = new StringBuilder(RhelNames.HEADER);
        out.append("# Label ").append(SafeText.comment(nic.label())).append('\n');
        line(out, "DEVICE", nic.name());
        line(out, "HWADDR", nic.mac());
        line(out, "UUID", uuid);
        line(out, "BOOTPROTO", "none");
        line(out, "ONBOOT", "yes");
        List<IpAddress> v4 = nic.ipv4();
        for (int i = 0; i < v4.size(); i++) {
            String suffix = i == 0 ? "" : Integer.toString(i);
            line(out, "IPADDR" + suffix, v4.get(i).address());
            line(out, "PREFIX" + suffix, Integer.toString(v4.get(i).prefix()));
        }
        nic.gateway4().ifPresent(gw -> {
            line(out, "GATEWAY", gw);
            line(out, "DEFROUTE", "yes");
        });
        List<IpAddress> v6 = nic.ipv6();
        if (v6.isEmpty()) {
            line(out, "IPV6INIT", "no");
        } else {
            line(out, "IPV6INIT", "yes");
            line(out, "IPV6_AUTOCONF", "no");
            line(out, "IPV6ADDR", v6.get(0).cidr());
            if (v6.size() > 1) {
                List<String> rest = v6.subList(1, v6.size()).stream().map(IpAddress::cidr).toList();
                line(out, "IPV6ADDR_SECONDARIES", "\"" + String.join(" ", rest) + "\"");
            }
            nic.gateway6().ifPresent(gw -> line(out, "IPV6_DEFAULTGW", gw + (isLinkLocal(gw) ? "%" + nic.name() : "")));
        }
        for (int i = 0; i < nic.dns().size(); i++) {
            line(out, "DNS" + (i + 1), nic.dns().get(i));
        }
        line(out, "NM_CONTROLLED", nmControlled ? "yes" : "no");
        if (!kept.isEmpty()) {
            out.append('\n').append(KEPT).append('\n');
            kept.forEach(l -> out.append(l).append('\n'));
        }
        return out.toString();
    }

    /** Lines of the old file worth keeping: not ours, not comments or indented, de-duplicated. */
    static List<String> keptLines(String previous) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String line : previous.lines().toList()) {
            if (line.isBlank() || line.startsWith("#") || Character.isWhitespace(line.charAt(0))
                    || OWNED.matcher(line).find()) {
                continue;
            }
            Matcher m = ASSIGNMENT.matcher(line);
            String key = m.find() ? "=" + m.group(1) : line;
            byKey.remove(key);
            byKey.put(key, line);
        }
        return new ArrayList<>(byKey.values());
    }

    private static Optional<String> uuidOf(String previous) {
        return previous.lines().map(UUID_LINE::matcher).filter(Matcher::matches).reduce((a, b) -> b)
                .map(m -> m.group(1).toLowerCase());
    }

    static boolean isLinkLocal(String ipv6) {
        return ipv6.toLowerCase().startsWith("fe80:");
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append(key).append('=').append(value).append('\n');
    }
}
