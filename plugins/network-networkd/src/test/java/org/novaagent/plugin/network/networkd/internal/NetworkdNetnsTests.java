/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.networkd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.novaagent.network.IpAddress;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.RenderedFile;
import org.novaagent.network.RendererOptions;
import org.novaagent.network.testkit.ScenarioConfigs;
import org.novaagent.network.testkit.TestNetworks;
import org.novaagent.plugin.network.networkd.testkit.NetworkdNetns;

/**
 * systemd's own parser and daemon read every rendered file: for each shared scenario and local
 * extra, the real {@code systemd-networkd} runs over veth NICs carrying the scenario MACs
 * ({@link NetworkdNetns}). It must log no complaint about our files ({@code FILE:LINE: ...} is
 * how networkd reports an unknown key or a value it cannot parse; a test shows one being caught),
 * and every address, default gateway and route must show up on the right NIC. Needs root.
 */
class NetworkdNetnsTests {

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        ScenarioConfigs.all().forEach((name, config) -> out.add(Arguments.of(name, config)));
        TestNetworks.all().forEach((name, config) -> out.add(Arguments.of("extra " + name, config)));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void networkdAppliesTheFilesWithoutComplaint(String scenario, NetworkConfig config, @TempDir Path tmp)
            throws IOException, InterruptedException {
        Path dir = Files.createDirectories(tmp.resolve("network"));
        List<RenderedFile> files = new NetworkdRenderer().render(config, RendererOptions.defaults());
        for (RenderedFile f : files) {
            Files.writeString(dir.resolve(Path.of(f.path()).getFileName()), f.content());
        }
        Map<String, String> nics = new LinkedHashMap<>();
        config.interfaces().forEach(nic -> nics.put(nic.name(), nic.mac()));
        List<String> expected = expectations(config);
        NetworkdNetns.Result result = NetworkdNetns.run(dir, nics, expected, tmp);
        for (RenderedFile f : files) {
            String name = Path.of(f.path()).getFileName().toString();
            assertEquals(List.of(), result.complaintsAbout(name), result.log());
        }
        for (String e : expected) {
            assertTrue(result.state().contains(e), "'" + e + "' missing after networkd ran:\n" + result.state()
                    + "\n" + result.log());
        }
    }

    @Test
    void aComplaintIsCaughtSoTheCheckCanFail(@TempDir Path tmp) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(tmp.resolve("network"));
        Files.writeString(dir.resolve("05-nova-agent-eth0.network"),
                "[Match]\nMACAddress=bc:76:4e:20:0c:13\n\n[Network]\nAdress=10.0.0.5/24\nAddress=10.0.0.6/24\n");
        NetworkdNetns.Result result = NetworkdNetns.run(dir, Map.of("eth0", "bc:76:4e:20:0c:13"),
                List.of("eth0 inet 10.0.0.6/24"), tmp);
        assertFalse(result.complaintsAbout("05-nova-agent-eth0.network").isEmpty(), result.log());
    }

    /** Lines that {@code ip -o addr}, {@code ip route} and {@code ip -6 route} must show. */
    static List<String> expectations(NetworkConfig config) {
        List<String> out = new ArrayList<>();
        for (NetInterface nic : config.interfaces()) {
            for (IpAddress a : nic.ipv4()) {
                out.add(nic.name() + " inet " + a.cidr());
            }
            for (IpAddress a : nic.ipv6()) {
                out.add(nic.name() + " inet6 " + a.cidr());
            }
            nic.gateway4().ifPresent(gw -> out.add("default via " + gw + " dev " + nic.name()));
            nic.gateway6().ifPresent(gw -> out.add("default via " + gw + " dev " + nic.name()));
            nic.routes().forEach(r -> out.add(r.cidr() + " via " + r.gateway() + " dev " + nic.name()));
        }
        return out;
    }
}
