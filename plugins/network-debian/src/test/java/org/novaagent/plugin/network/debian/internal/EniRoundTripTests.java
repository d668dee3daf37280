/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.debian.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.novaagent.network.IpAddress;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.Route;
import org.novaagent.network.testkit.EniReader;
import org.novaagent.network.testkit.NetworkShape;
import org.novaagent.network.testkit.RandomNetworks;
import org.novaagent.testkit.Exec;
import org.novaagent.testkit.RequiredTool;

/**
 * Issue #17 property: any valid model renders to an {@code interfaces} file (block and drop-in
 * placements) that reads back to the same model (ENI binds by name: no MAC); on every tenth model
 * the real ifupdown lists exactly lo and our interfaces ({@code ifquery -l}) and dry-runs each
 * ({@code ifup --no-act}) with every address and route of the model in its commands.
 */
class EniRoundTripTests {

    static Stream<Arguments> models() {
        return RandomNetworks.samples(200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("models")
    void interfacesFileReadsBackToTheModel(long seed, NetworkConfig config, @TempDir Path tmp) throws Exception {
        for (String placement : List.of("block", "drop-in")) {
            String file = EniToolValidationTests.effectiveFile(config, placement);
            Map<String, NetworkShape.Nic> nics = new TreeMap<>();
            List<String> dns = new ArrayList<>();
            EniReader.read(file, nics, dns);
            assertEquals(NetworkShape.of(config, false), new NetworkShape(nics, dns),
                    "seed " + seed + " (" + placement + "):\n" + file);
            if (seed % 10 == 0) {
                ifupdown(config, Files.writeString(tmp.resolve(placement), file), tmp.resolve("state-" + placement));
            }
        }
    }

    private static void ifupdown(NetworkConfig config, Path file, Path state) throws Exception {
        String ifquery = RequiredTool.require("ifquery", "reads rendered interfaces files").toString();
        String ifup = RequiredTool.require("ifup", "dry-runs rendered interfaces files").toString();
        Files.createDirectories(state);
        Exec.Result list = Exec.run(ifquery, "-i", file.toString(), "-l");
        assertEquals(0, list.code(), list.output());
        List<String> expected = new ArrayList<>(List.of("lo"));
        expected.addAll(EniRenderer.interfaceNames(config));
        assertEquals(expected, list.output().lines().toList());
        for (NetInterface nic : config.interfaces()) {
            Exec.Result dry = Exec.run(ifup, "--no-act", "-v", "-i", file.toString(), "--state-dir=" + state, nic.name());
            assertEquals(0, dry.code(), dry.output());
            for (IpAddress a : Stream.concat(nic.ipv4().stream(), nic.ipv6().stream()).toList()) {
                assertTrue(dry.output().contains(a.address()), a.cidr() + " in\n" + dry.output());
            }
            for (Route r : nic.routes()) {
                assertTrue(dry.output().contains("route add " + r.cidr() + " via " + r.gateway()), r + " in\n" + dry.output());
            }
        }
    }
}
