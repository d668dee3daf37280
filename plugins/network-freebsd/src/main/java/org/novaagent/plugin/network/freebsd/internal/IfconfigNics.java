/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.freebsd.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.novaagent.api.CommandContext;
import org.novaagent.api.ProcessResult;
import org.novaagent.network.LocalNic;
import org.novaagent.network.NicDiscovery;

/**
 * FreeBSD has no {@code /sys/class/net}: its NICs come from {@code ifconfig -a}. An interface is
 * kept when it has an {@code ether} address that is not all zeros, its {@code groups:} name no
 * virtual kind and its name is not one of them (loopback, tun/tap, bridge, epair, vlan, lagg,
 * wireguard, tunnels, pf logging); a MAC held by several interfaces skips every holder, as on
 * Linux. On a target root that is not the live system nothing can run, so the root's
 * {@code sys/class/net} tree (the shared test layout) is read instead.
 */
final class IfconfigNics {

    private static final Pattern HEADER = Pattern.compile("^([A-Za-z0-9_.]+): flags=.*");
    private static final Pattern ETHER = Pattern.compile("^\\s+ether\\s+([0-9a-fA-F:]{17})\\b.*");
    private static final Pattern GROUPS = Pattern.compile("^\\s+groups:\\s+(.*)$");
    private static final Set<String> VIRTUAL = Set.of("lo", "tun", "tap", "bridge", "epair", "vlan", "lagg", "wg",
            "gif", "gre", "pflog", "pfsync", "enc", "vxlan", "ipsec", "stf", "carp", "me", "ovpn");

    private IfconfigNics() {
    }

    /**
     * @param ctx the request context
     * @return the real NICs, in natural order
     * @throws IOException when {@code ifconfig -a} cannot run or fails on the live system, or is interrupted
     */
    static List<LocalNic> discover(CommandContext ctx) throws IOException {
        if (!ctx.liveSystem()) {
            return NicDiscovery.discover(ctx.root());
        }
        ProcessResult r;
        try {
            r = ctx.processes().run(List.of("ifconfig", "-a"), new byte[0], Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while listing NICs with ifconfig -a", e);
        }
        if (!r.executed() || r.exitCode() != 0) {
            throw new IOException("ifconfig -a failed (exit " + r.exitCode() + "): " + r.stderr().strip());
        }
        return parse(r.stdout());
    }

    /**
     * @param output {@code ifconfig -a} output
     * @return the real NICs (see the class comment), sorted naturally by name
     */
    static List<LocalNic> parse(String output) {
        List<String[]> found = new ArrayList<>();
        String name = null;
        String mac = null;
        boolean virtual = false;
        for (String line : (output + "\nend: flags=0").lines().toList()) {
            Matcher header = HEADER.matcher(line);
            if (header.matches()) {
                if (name != null && mac != null && !virtual && !mac.replace(":", "").matches("0+")) {
                    found.add(new String[] {name, mac});
                }
                name = header.group(1);
                mac = null;
                virtual = VIRTUAL.stream().anyMatch(prefix -> header.group(1).matches(prefix + "[0-9]*[a-z]?"));
                continue;
            }
            Matcher ether = ETHER.matcher(line);
            if (ether.matches()) {
                mac = ether.group(1);
                continue;
            }
            Matcher groups = GROUPS.matcher(line);
            if (groups.matches()) {
                for (String group : groups.group(1).trim().split("\\s+")) {
                    virtual |= VIRTUAL.contains(group);
                }
            }
        }
        Map<String, Integer> holders = new HashMap<>();
        for (String[] nic : found) {
            holders.merge(nic[1].toLowerCase(), 1, Integer::sum);
        }
        List<LocalNic> out = new ArrayList<>();
        for (String[] nic : found) {
            if (holders.get(nic[1].toLowerCase()) == 1) {
                out.add(new LocalNic(nic[0], nic[1]));
            }
        }
        out.sort((a, b) -> naturalCompare(a.name(), b.name()));
        return out;
    }

    /** {@code xn2} before {@code xn10}. */
    static int naturalCompare(String a, String b) {
        String pa = a.replaceAll("[0-9]+$", "");
        String pb = b.replaceAll("[0-9]+$", "");
        if (!pa.equals(pb) || pa.length() == a.length() || pb.length() == b.length()) {
            return a.compareTo(b);
        }
        return Long.compare(Long.parseLong(a.substring(pa.length())), Long.parseLong(b.substring(pb.length())));
    }
}
