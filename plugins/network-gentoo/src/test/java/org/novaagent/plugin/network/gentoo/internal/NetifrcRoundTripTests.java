/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.gentoo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.RendererOptions;
import org.novaagent.network.testkit.NetworkShape;
import org.novaagent.network.testkit.RandomNetworks;
import org.novaagent.testkit.Exec;
import org.novaagent.testkit.RequiredTool;

/**
 * Issue #17 property: any valid model renders to a Gentoo {@code /etc/conf.d/net} whose
 * {@code config_<if>}, {@code routes_<if>} and {@code dns_servers_<if>} read back to the same
 * model (no MAC); on every tenth model bash sources the file (netifrc's own language) and the
 * variables it sees read back the same.
 */
class NetifrcRoundTripTests {

    private static final Pattern ASSIGNMENT = Pattern.compile("(?m)^([a-z_]+_[A-Za-z0-9_]+)=\"([^\"]*)\"");

    static Stream<Arguments> models() {
        return RandomNetworks.samples(200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("models")
    void confNetReadsBackToTheModel(long seed, NetworkConfig config, @TempDir Path tmp) throws Exception {
        String net = new NetifrcRenderer().render(config, RendererOptions.defaults()).get(0).content();
        Map<String, String> vars = new LinkedHashMap<>();
        Matcher m = ASSIGNMENT.matcher(net);
        while (m.find()) {
            vars.put(m.group(1), m.group(2));
        }
        List<String> names = config.interfaces().stream().map(i -> i.name()).toList();
        assertEquals(NetworkShape.of(config, false), read(vars, names), "seed " + seed + ":\n" + net);
        if (seed % 10 == 0) {
            String bash = RequiredTool.require("bash", "sources conf.d/net as netifrc does").toString();
            Path file = Files.writeString(tmp.resolve("net"), net);
            Map<String, String> seen = new LinkedHashMap<>();
            for (String name : names) {
                for (String prefix : List.of("config_", "routes_", "dns_servers_")) {
                    Exec.Result r = Exec.run("env", "-i", bash, "-c", ". \"$1\"; printf '%s' \"${" + prefix + name + "-}\"",
                            "sh", file.toString());
                    assertEquals(0, r.code(), r.output());
                    seen.put(prefix + name, r.output());
                }
            }
            assertEquals(NetworkShape.of(config, false), read(seen, names), "as bash reads it, seed " + seed);
        }
    }

    private static NetworkShape read(Map<String, String> vars, List<String> names) {
        Map<String, NetworkShape.Nic> nics = new TreeMap<>();
        List<String> dns = new ArrayList<>();
        for (String name : names) {
            NetworkShape.Nic n = nics.computeIfAbsent(name, k -> new NetworkShape.Nic());
            for (String line : vars.getOrDefault("config_" + name, "").split("\n")) {
                String a = line.strip();
                if (!a.isEmpty() && !a.equals("null") && a.contains("/")) {
                    n.address(a.split("\\s+")[0]);
                }
            }
            for (String line : vars.getOrDefault("routes_" + name, "").split("\n")) {
                List<String> w = new ArrayList<>(List.of(line.strip().split("\\s+")));
                if (!w.isEmpty() && (w.get(0).equals("-6") || w.get(0).equals("-4"))) {
                    w.remove(0);
                }
                if (w.size() >= 3 && w.get(1).equals("via")) {
                    if (w.get(0).equals("default") && w.get(2).contains(":")) {
                        n.gateway6(w.get(2));
                    } else if (w.get(0).equals("default")) {
                        n.gateway4 = w.get(2);
                    } else {
                        n.routes.add(NetworkShape.route(w.get(0), w.get(2)));
                    }
                }
            }
            for (String d : vars.getOrDefault("dns_servers_" + name, "").split("\\s+")) {
                if (!d.isEmpty()) {
                    dns.add(d);
                }
            }
        }
        return new NetworkShape(nics, dns);
    }
}
