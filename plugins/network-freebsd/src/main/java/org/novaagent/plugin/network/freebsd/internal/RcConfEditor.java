/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.freebsd.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits {@code /etc/rc.conf} as {@code sysrc} does: an assignment is replaced in place, a new one is
 * appended, every other line is kept byte for byte. Lines we write end in {@link #MARKER}, so a
 * later run can drop what it no longer renders (the alias of a removed address, a detached NIC).
 * Besides the variables it sets, it owns every {@code ifconfig_<if>*} and {@code ipv6_ifconfig_<if>*}
 * of the NICs it configures (an image's {@code ifconfig_xn0="DHCP"} or old aliases would otherwise
 * still apply), {@code defaultrouter} and {@code ipv6_defaultrouter}; in {@code static_routes} and
 * {@code ipv6_static_routes} it keeps the operator's route names and replaces only its own
 * ({@code nova<N>}). Duplicate assignments of an owned variable are dropped, so exactly one remains.
 * {@code hostname} is replaced when nova sends one and otherwise left as it is.
 * Pure: works on strings only.
 */
final class RcConfEditor {

    /** Trailing comment of every line we write. */
    static final String MARKER = "# nova-agent";

    private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$");
    private static final Set<String> ROUTE_LISTS = Set.of("static_routes", "ipv6_static_routes");
    private static final Set<String> ALWAYS_OWNED = Set.of("defaultrouter", "ipv6_defaultrouter");
    /** Set by us but kept when a later request does not set it: no hostname leaves the hostname as it was. */
    private static final Set<String> KEPT = Set.of("hostname");

    private RcConfEditor() {
    }

    /**
     * @param content    the current file ({@code ""} when missing)
     * @param wanted     variable → unquoted value to set
     * @param interfaces the NICs nova-agent configures
     * @return the new file
     */
    static String edit(String content, Map<String, String> wanted, Set<String> interfaces) {
        Map<String, String> values = new LinkedHashMap<>(wanted);
        for (String list : ROUTE_LISTS) {
            mergeRouteList(content, list, values);
        }
        Set<String> written = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (String line : content.lines().toList()) {
            Matcher m = ASSIGNMENT.matcher(line);
            if (!m.matches()) {
                out.add(line);
                continue;
            }
            String name = m.group(1);
            boolean owned = values.containsKey(name) || line.strip().endsWith(MARKER) && !KEPT.contains(name)
                    || ALWAYS_OWNED.contains(name) || isInterfaceVariable(name, interfaces);
            if (!owned) {
                out.add(line);
            } else if (values.containsKey(name) && written.add(name)) {
                out.add(assignment(name, values.get(name)));
            }
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (written.add(e.getKey())) {
                out.add(assignment(e.getKey(), e.getValue()));
            }
        }
        StringBuilder text = new StringBuilder();
        out.forEach(l -> text.append(l).append('\n'));
        return text.toString();
    }

    /** {@code name="value" # nova-agent}, with sh's double-quote specials escaped. */
    static String assignment(String name, String value) {
        return name + "=\"" + value.replaceAll("([\"\\\\$`])", "\\\\$1") + "\" " + MARKER;
    }

    /** ifconfig_xn0, ifconfig_xn0_alias3, ifconfig_xn0_ipv6, ipv6_ifconfig_xn0, ipv6_ifconfig_xn0_alias0 ... */
    static boolean isInterfaceVariable(String name, Set<String> interfaces) {
        for (String ifname : interfaces) {
            for (String prefix : List.of("ifconfig_" + ifname, "ipv6_ifconfig_" + ifname)) {
                if (name.equals(prefix) || name.startsWith(prefix + "_")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Operator route names first (last assignment wins, as in sh), then ours. */
    private static void mergeRouteList(String content, String list, Map<String, String> values) {
        String current = null;
        for (String line : content.lines().toList()) {
            Matcher m = ASSIGNMENT.matcher(line);
            if (m.matches() && m.group(1).equals(list)) {
                current = unquote(stripComment(m.group(2)));
            }
        }
        List<String> names = new ArrayList<>();
        if (current != null) {
            for (String word : current.trim().split("\\s+")) {
                if (!word.isEmpty() && !word.matches(RcConfVariables.ROUTE_PREFIX + "[0-9]+")) {
                    names.add(word);
                }
            }
        }
        String ours = values.remove(list);
        if (ours != null) {
            names.addAll(List.of(ours.split(" ")));
        }
        if (!names.isEmpty()) {
            values.put(list, String.join(" ", names));
        } else if (current != null) {
            values.put(list, "");
        }
    }

    private static String stripComment(String value) {
        int hash = value.indexOf(" #");
        return hash < 0 ? value.strip() : value.substring(0, hash).strip();
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
