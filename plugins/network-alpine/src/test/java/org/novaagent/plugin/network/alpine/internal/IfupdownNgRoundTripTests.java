/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.alpine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.novaagent.network.testkit.EniReader;
import org.novaagent.network.testkit.NetworkShape;
import org.novaagent.network.testkit.RandomNetworks;
import org.novaagent.testkit.Exec;

/**
 * Issue #17 property: any valid model renders to an Alpine {@code interfaces} file and
 * {@code resolv.conf} that read back to the same model (no MAC: ENI binds by name); on every
 * tenth model the real ifupdown-ng reads each interface's addresses and gateways back
 * ({@code ifquery -p address|gateway}) exactly as the model has them.
 */
class IfupdownNgRoundTripTests {

    static Stream<Arguments> models() {
        return RandomNetworks.samples(200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("models")
    void filesReadBackToTheModel(long seed, NetworkConfig config, @TempDir Path tmp) throws Exception {
        List<RenderedFile> files = new IfupdownNgRenderer().render(config,
                new RendererOptions(Map.of(), Map.of(IfupdownNgRenderer.INTERFACES, IfupdownNgGoldenTests.ALPINE_MAIN)));
        Map<String, NetworkShape.Nic> nics = new TreeMap<>();
        List<String> dns = new ArrayList<>();
        for (RenderedFile f : files) {
            if (f.path().equals(IfupdownNgRenderer.INTERFACES)) {
                EniReader.read(f.content(), nics, dns);
            } else if (f.path().equals(IfupdownNgRenderer.RESOLV_CONF)) {
                EniReader.resolvConf(f.content(), dns);
            }
        }
        assertEquals(NetworkShape.of(config, false), new NetworkShape(nics, dns), "seed " + seed + ":\n" + files);
        if (seed % 10 == 0) {
            String ifquery = IfupdownNg.tool("ifquery", "reads rendered Alpine interfaces files");
            Path file = Files.writeString(tmp.resolve("interfaces"), files.get(0).content());
            for (Map.Entry<String, NetworkShape.Nic> e : nics.entrySet()) {
                List<String> addresses = new ArrayList<>(e.getValue().ipv4);
                addresses.addAll(e.getValue().ipv6);
                assertEquals(addresses, property(ifquery, file, e.getKey(), "address"), "seed " + seed);
                List<String> gateways = Stream.of(e.getValue().gateway4, e.getValue().gateway6)
                        .filter(g -> !g.isEmpty()).toList();
                assertEquals(gateways, property(ifquery, file, e.getKey(), "gateway"), "seed " + seed);
            }
        }
    }

    private static List<String> property(String ifquery, Path file, String ifname, String property) throws Exception {
        Exec.Result r = Exec.run(ifquery, "-i", file.toString(), "-p", property, ifname);
        assertEquals(0, r.code(), r.output());
        return r.output().lines().flatMap(l -> Stream.of(l.strip().split("\\s+"))).filter(s -> !s.isEmpty()).toList();
    }
}
