/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.suse.internal;

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
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.RenderedFile;
import org.novaagent.network.RendererOptions;
import org.novaagent.network.testkit.NetworkShape;
import org.novaagent.network.testkit.RandomNetworks;
import org.novaagent.testkit.Exec;
import org.novaagent.testkit.RequiredTool;

/**
 * Issue #17 property: any valid model renders to wicked's {@code ifcfg-*} ({@code IPADDR},
 * {@code IPADDR_<n>}), {@code ifroute-*} ({@code default} and other routes per interface) and
 * netconfig's {@code NETCONFIG_DNS_STATIC_SERVERS} that read back to the same model (no MAC); on
 * every tenth model bash sources each ifcfg file and the config file, and what it sees reads back
 * the same.
 */
class WickedRoundTripTests {

    static Stream<Arguments> models() {
        return RandomNetworks.samples(200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("models")
    void filesReadBackToTheModel(long seed, NetworkConfig config, @TempDir Path tmp) throws Exception {
        List<RenderedFile> files = new WickedRenderer().render(config, RendererOptions.defaults());
        assertEquals(NetworkShape.of(config, false), read(files, f -> variables(f.content())), "seed " + seed + ":\n" + files);
        if (seed % 10 == 0) {
            String bash = RequiredTool.require("bash", "sources wicked's sysconfig files").toString();
            assertEquals(NetworkShape.of(config, false), read(files, f -> {
                Path p = Files.writeString(tmp.resolve(f.path().replace('/', '_')), f.content());
                Exec.Result r = Exec.run("env", "-i", bash, "-c", "set -a; . \"$1\"; env", "sh", p.toString());
                assertEquals(0, r.code(), r.output());
                return variables(r.output());
            }), "as bash reads them, seed " + seed);
        }
    }

    /** How one sysconfig file's variables are obtained. */
    @FunctionalInterface
    interface Variables {
        Map<String, String> of(RenderedFile file) throws Exception;
    }

    private static NetworkShape read(List<RenderedFile> files, Variables variables) throws Exception {
        Map<String, NetworkShape.Nic> nics = new TreeMap<>();
        List<String> dns = new ArrayList<>();
        for (RenderedFile f : files) {
            String name = f.path().substring(f.path().lastIndexOf('/') + 1);
            if (name.startsWith("ifcfg-")) {
                Map<String, String> v = variables.of(f);
                NetworkShape.Nic n = nics.computeIfAbsent(name.substring(6), k -> new NetworkShape.Nic());
                List<String> keys = new ArrayList<>(v.keySet().stream().filter(k -> k.matches("IPADDR(_\\d+)?")).toList());
                keys.sort(java.util.Comparator.comparingInt(k -> k.equals("IPADDR") ? -1 : Integer.parseInt(k.substring(7))));
                keys.forEach(k -> n.address(v.get(k)));
            } else if (name.equals("config")) {
                for (String d : variables.of(f).getOrDefault("NETCONFIG_DNS_STATIC_SERVERS", "").split("\\s+")) {
                    if (!d.isEmpty()) {
                        dns.add(d);
                    }
                }
            }
        }
        for (RenderedFile f : files) {
            String name = f.path().substring(f.path().lastIndexOf('/') + 1);
            if (name.startsWith("ifroute-")) {
                for (String line : f.content().split("\n")) {
                    String[] w = line.strip().split("\\s+");
                    if (w.length < 4 || w[0].startsWith("#")) {
                        continue;
                    }
                    NetworkShape.Nic n = nics.computeIfAbsent(w[3], k -> new NetworkShape.Nic());
                    if (w[0].equals("default") && w[1].contains(":")) {
                        n.gateway6(w[1]);
                    } else if (w[0].equals("default")) {
                        n.gateway4 = w[1];
                    } else {
                        n.routes.add(NetworkShape.route(w[0], w[1]));
                    }
                }
            }
        }
        return new NetworkShape(nics, dns);
    }

    /** {@code KEY=value} lines (one level of quotes removed), comments skipped. */
    static Map<String, String> variables(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (line.startsWith("#") || eq <= 0 || !line.substring(0, eq).matches("[A-Z0-9_]+")) {
                continue;
            }
            String value = line.substring(eq + 1);
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            out.put(line.substring(0, eq), value);
        }
        return out;
    }
}
