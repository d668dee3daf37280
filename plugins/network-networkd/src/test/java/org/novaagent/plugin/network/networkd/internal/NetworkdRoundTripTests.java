/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.networkd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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

/**
 * Issue #17 property: any valid model renders to systemd-networkd {@code .network} files that
 * read back to the same model: each file matches its interface by MAC and carries its addresses,
 * gateways, routes and DNS servers. (The same reader checks what {@code netplan generate} makes of
 * the netplan renderer's YAML, in network-netplan's round trip; networkd itself reads these files
 * in {@code NetworkdNetnsTests}.)
 */
class NetworkdRoundTripTests {

    static Stream<Arguments> models() {
        return RandomNetworks.samples(200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("models")
    void networkFilesReadBackToTheModel(long seed, NetworkConfig config) {
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
    }
}
