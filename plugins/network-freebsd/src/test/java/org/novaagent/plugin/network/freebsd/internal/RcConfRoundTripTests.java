/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.freebsd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.novaagent.network.IpAddress;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.RenderedFile;
import org.novaagent.network.RendererOptions;
import org.novaagent.network.Route;
import org.novaagent.network.testkit.EniReader;
import org.novaagent.network.testkit.NetworkShape;
import org.novaagent.network.testkit.RandomNetworks;
import org.novaagent.testkit.Exec;
import org.novaagent.testkit.RequiredTool;

/**
 * Issue #17 property: any valid model renders to an {@code rc.conf} and {@code resolv.conf} that
 * read back to the same model, as FreeBSD's rc.conf can hold it (documented in
 * {@link RcConfVariables}): default routers and static routes are global (a {@code (global)}
 * entry here: the first NIC's gateway per family, every route), an IPv4 alias inside the
 * primary's subnet has a /32 netmask, no MAC. On every tenth model a POSIX shell sources the file
 * and the variables it sees read back the same.
 */
class RcConfRoundTripTests {

    static Stream<Arguments> models() {
        return RandomNetworks.samples(200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("models")
    void rcConfReadsBackToTheModel(long seed, NetworkConfig config, @TempDir Path tmp) throws Exception {
        List<RenderedFile> files = new RcConfRenderer().render(config, RendererOptions.defaults());
        String rc = files.stream().filter(f -> f.path().equals(RcConfRenderer.RC_CONF)).findFirst().orElseThrow().content();
        List<String> dns = new ArrayList<>();
        files.stream().filter(f -> f.path().equals(RcConfRenderer.RESOLV_CONF))
                .forEach(f -> EniReader.resolvConf(f.content(), dns));
        assertEquals(expected(config), read(variables(rc), dns), "seed " + seed + ":\n" + rc);
        if (seed % 10 == 0) {
            String sh = RequiredTool.require("sh", "sources rendered rc.conf").toString();
            Path file = Files.writeString(tmp.resolve("rc.conf"), rc);
            Exec.Result r = Exec.run("env", "-i", sh, "-c", "set -a; . \"$1\"; env", "sh", file.toString());
            assertEquals(0, r.code(), r.output());
            assertEquals(expected(config), read(variables(r.output()), dns), "as sh reads it, seed " + seed);
        }
    }

    private static NetworkShape expected(NetworkConfig config) {
        Map<String, NetworkShape.Nic> nics = new TreeMap<>();
        NetworkShape.Nic global = new NetworkShape.Nic();
        List<String> dns = new ArrayList<>();
        for (NetInterface i : config.interfaces()) {
            NetworkShape.Nic n = nics.computeIfAbsent(i.name(), k -> new NetworkShape.Nic());
            for (IpAddress a : i.ipv4()) {
                boolean alias = a != i.ipv4().get(0) && RcConfVariables.sameSubnet(i.ipv4().get(0), a);
                n.address(a.address() + "/" + (alias ? 32 : a.prefix()));
            }
            i.ipv6().forEach(a -> n.address(a.cidr()));
            if (global.gateway4.isEmpty()) {
                global.gateway4 = i.gateway4().orElse("");
            }
            if (global.gateway6.isEmpty()) {
                global.gateway6(i.gateway6().orElse(""));
            }
            for (Route r : i.routes()) {
                global.routes.add(NetworkShape.route(r.cidr(), r.gateway()));
            }
            dns.addAll(i.dns());
        }
        nics.put("(global)", global);
        return new NetworkShape(nics, dns);
    }

    private static NetworkShape read(Map<String, String> v, List<String> dns) {
        Map<String, NetworkShape.Nic> nics = new TreeMap<>();
        v.forEach((k, value) -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("ifconfig_([a-z0-9]+)(_ipv6|_alias\\d+)?").matcher(k);
            if (m.matches() && !m.group(1).equals("DEFAULT")) {
                nics.computeIfAbsent(m.group(1), x -> new NetworkShape.Nic());
            }
        });
        for (String name : nics.keySet()) {
            NetworkShape.Nic n = nics.get(name);
            address(n, v.get("ifconfig_" + name));
            address(n, v.get("ifconfig_" + name + "_ipv6"));
            for (int i = 0; v.containsKey("ifconfig_" + name + "_alias" + i); i++) {
                address(n, v.get("ifconfig_" + name + "_alias" + i));
            }
        }
        NetworkShape.Nic global = new NetworkShape.Nic();
        global.gateway4 = v.getOrDefault("defaultrouter", "");
        global.gateway6(v.getOrDefault("ipv6_defaultrouter", ""));
        for (String family : List.of("", "ipv6_")) {
            for (String id : v.getOrDefault(family + "static_routes", "").split("\\s+")) {
                String[] w = v.getOrDefault(family + "route_" + id, "").split("\\s+");
                if (w.length == 3 && w[0].equals("-net")) {
                    global.routes.add(NetworkShape.route(w[1], w[2]));
                }
            }
        }
        nics.put("(global)", global);
        return new NetworkShape(nics, dns);
    }

    private static void address(NetworkShape.Nic n, String value) {
        if (value != null && (value.startsWith("inet ") || value.startsWith("inet6 "))) {
            n.address(value.split("\\s+")[1]);
        }
    }

    /** {@code name="value"} lines (a trailing comment allowed), as rc.conf assigns them. */
    static Map<String, String> variables(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=\"?([^\"]*)\"?.*")
                    .matcher(line.strip());
            if (!line.startsWith("#") && m.matches()) {
                out.put(m.group(1), m.group(2));
            }
        }
        return out;
    }
}
