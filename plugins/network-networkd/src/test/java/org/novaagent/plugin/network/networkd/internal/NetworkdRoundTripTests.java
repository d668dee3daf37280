/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.networkd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.RenderedFile;
import org.novaagent.network.RendererOptions;
import org.novaagent.network.testkit.ConfigReaders;
import org.novaagent.network.testkit.NetworkShape;
import org.novaagent.network.testkit.RandomNetworks;
import org.novaagent.plugin.network.networkd.testkit.NetworkdNetns;

/**
 * Issue #17 property: any valid model renders to systemd-networkd {@code .network} files that
 * read back to the same model: each file matches its interface by MAC and carries its addresses,
 * gateways, routes and DNS servers; on every fortieth model the real systemd-networkd reads them in a
 * network namespace ({@link NetworkdNetns}), logs no complaint, and sets every address, gateway and
 * route on the right NIC. (The same reader checks what {@code netplan generate} makes of the
 * netplan renderer's YAML, in network-netplan's round trip.)
 */
class NetworkdRoundTripTests {

    static Stream<Arguments> models() {
        return RandomNetworks.samples(200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("models")
    void networkFilesReadBackToTheModel(long seed, NetworkConfig config, @TempDir Path tmp) throws Exception {
        List<RenderedFile> files = new NetworkdRenderer().render(config, RendererOptions.defaults());
        Map<String, String> macToName = config.interfaces().stream()
                .collect(Collectors.toMap(NetInterface::mac, NetInterface::name));
        Map<String, NetworkShape.Nic> nics = new TreeMap<>();
        List<String> dns = new ArrayList<>();
        for (RenderedFile f : files) {
            if (f.path().endsWith(".network")) {
                ConfigReaders.networkd(f.content(), macToName, nics, dns);
            }
        }
        assertEquals(NetworkShape.of(config, true), new NetworkShape(nics, dns), "seed " + seed + ":\n" + files);
        if (seed % 40 == 0) {
            // the real systemd-networkd over veth NICs with the model's MACs in a network namespace
            // (a daemon start per model, so every fortieth only)
            Path dir = Files.createDirectories(tmp.resolve("network"));
            for (RenderedFile f : files) {
                Files.writeString(dir.resolve(Path.of(f.path()).getFileName()), f.content());
            }
            Map<String, String> macs = new LinkedHashMap<>();
            config.interfaces().forEach(nic -> macs.put(nic.name(), nic.mac()));
            List<String> expected = NetworkdNetnsTests.expectations(config);
            NetworkdNetns.Result result = NetworkdNetns.run(dir, macs, expected, tmp);
            for (RenderedFile f : files) {
                assertEquals(List.of(), result.complaintsAbout(Path.of(f.path()).getFileName().toString()), result.log());
            }
            for (String e : expected) {
                // two NICs with an IPv6 default router each: the kernel shows one multipath route
                // ("default ... nexthop via G dev N weight 1"), each router one of its next hops
                boolean nexthop = e.startsWith("default via ") && result.state().contains("nexthop " + e.substring(8) + " ");
                assertTrue(result.state().contains(e) || nexthop, "seed " + seed + ": '" + e
                        + "' missing after networkd ran:\n" + result.state() + "\n" + result.log());
            }
        }
    }
}
