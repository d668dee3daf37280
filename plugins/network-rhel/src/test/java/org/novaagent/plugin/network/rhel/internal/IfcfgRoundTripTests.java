/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.rhel.internal;

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
 * Issue #17 property: any valid model renders to {@code ifcfg-*}, {@code route-*} and
 * {@code route6-*} files that read back to the same model (MAC from {@code HWADDR}); on every
 * tenth model each ifcfg file is read by bash itself (sourced with {@code set -a} in an empty
 * environment, as network-scripts and NetworkManager's ifcfg-rh read it) and the variables bash
 * sees read back the same.
 */
class IfcfgRoundTripTests {

    static Stream<Arguments> models() {
        return RandomNetworks.samples(200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("models")
    void filesReadBackToTheModel(long seed, NetworkConfig config, @TempDir Path tmp) throws Exception {
        List<RenderedFile> files = new IfcfgRenderer().render(config, RendererOptions.defaults());
        assertEquals(NetworkShape.of(config, true), read(files, f -> variables(f.content())), "seed " + seed + ":\n" + files);
        if (seed % 10 == 0) {
            String bash = RequiredTool.require("bash", "reads ifcfg files as network-scripts do").toString();
            NetworkShape bashReading = read(files, f -> {
                Path p = Files.writeString(tmp.resolve(f.path().replace('/', '_')), f.content());
                Exec.Result r = Exec.run("env", "-i", bash, "-c", "set -a; . \"$1\"; env", "sh", p.toString());
                assertEquals(0, r.code(), r.output());
                return variables(r.output());
            });
            assertEquals(NetworkShape.of(config, true), bashReading, "as bash reads them, seed " + seed);
        }
    }

    /** How one ifcfg file's variables are obtained. */
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
                NetworkShape.Nic n = nics.computeIfAbsent(v.get("DEVICE"), k -> new NetworkShape.Nic());
                n.mac(v.getOrDefault("HWADDR", ""));
                for (int i = -1; i < 16; i++) {
                    String s = i < 0 ? "" : Integer.toString(i);
                    if (v.containsKey("IPADDR" + s)) {
                        n.address(v.get("IPADDR" + s) + "/" + v.get("PREFIX" + s));
                    }
                }
                if (v.containsKey("IPV6ADDR")) {
                    n.address(v.get("IPV6ADDR"));
                }
                for (String a : v.getOrDefault("IPV6ADDR_SECONDARIES", "").split("\\s+")) {
                    if (!a.isEmpty()) {
                        n.address(a);
                    }
                }
                n.gateway4 = v.getOrDefault("GATEWAY", "");
                n.gateway6(v.getOrDefault("IPV6_DEFAULTGW", ""));
                for (int i = 1; v.containsKey("DNS" + i); i++) {
                    dns.add(v.get("DNS" + i));
                }
            }
        }
        for (RenderedFile f : files) {
            String name = f.path().substring(f.path().lastIndexOf('/') + 1);
            if (name.startsWith("route-") || name.startsWith("route6-")) {
                NetworkShape.Nic n = nics.computeIfAbsent(name.substring(name.indexOf('-') + 1), k -> new NetworkShape.Nic());
                for (String line : f.content().split("\n")) {
                    String[] w = line.strip().split("\\s+");
                    if (w.length >= 3 && !w[0].startsWith("#") && w[1].equals("via")) {
                        n.routes.add(NetworkShape.route(w[0], w[2]));
                    }
                }
            }
        }
        return new NetworkShape(nics, dns);
    }

    /** {@code KEY=value} lines (one level of double or single quotes removed), comments skipped. */
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
