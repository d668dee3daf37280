/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.alpine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.novaagent.network.IpAddress;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.testkit.ScenarioConfigs;
import org.novaagent.network.testkit.TestNetworks;
import org.novaagent.testkit.Exec;

/**
 * Every rendered file (the shared scenarios and the local extras) is read by the real
 * ifupdown-ng: {@code ifparse -A} parses it, {@code ifquery -L} lists exactly lo and our
 * interfaces, {@code ifquery -p address|gateway} gives exactly our addresses (CIDR, both
 * families) and gateways, and {@code ifup -n} accepts each interface and would run our routes.
 */
class IfupdownNgToolValidationTests {

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        ScenarioConfigs.all().forEach((name, config) -> out.add(Arguments.of(name, config)));
        TestNetworks.all().forEach((name, config) -> out.add(Arguments.of("extra " + name, config)));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ifupdownNgReadsTheOutputAsMeant(String scenario, NetworkConfig config, @TempDir Path tmp)
            throws IOException, InterruptedException {
        String ifparse = IfupdownNg.tool("ifparse", "parses rendered Alpine interfaces files");
        String ifquery = IfupdownNg.tool("ifquery", "queries rendered Alpine interfaces files");
        String ifup = IfupdownNg.tool("ifup", "dry-runs rendered Alpine interfaces files");
        Path file = Files.writeString(tmp.resolve("interfaces"), IfupdownNg.render(config));

        Exec.Result parsed = Exec.run(ifparse, "-i", file.toString(), "-A");
        assertEquals(0, parsed.code(), parsed.output());
        assertEquals(List.of(), warnings(parsed, file), parsed.output());
        assertTrue(!parsed.output().contains("dhcp"), "the image's DHCP stanza is disabled:\n" + parsed.output());

        Exec.Result list = Exec.run(ifquery, "-i", file.toString(), "-L");
        assertEquals(0, list.code(), list.output());
        List<String> expected = new ArrayList<>(List.of("lo"));
        expected.addAll(IfupdownNg.names(config));
        assertEquals(expected.stream().sorted().toList(), list.output().lines().sorted().toList());

        for (NetInterface nic : config.interfaces()) {
            List<String> addresses = new ArrayList<>();
            nic.ipv4().stream().map(IpAddress::cidr).forEach(addresses::add);
            nic.ipv6().stream().map(IpAddress::cidr).forEach(addresses::add);
            assertEquals(addresses, property(ifquery, file, nic.name(), "address"), nic.name());
            List<String> gateways = new ArrayList<>();
            nic.gateway4().ifPresent(gateways::add);
            nic.gateway6().ifPresent(gateways::add);
            assertEquals(gateways, property(ifquery, file, nic.name(), "gateway"), nic.name());

            Exec.Result dry = Exec.run(ifup, "-n", "-l", "-E", IfupdownNg.EXECUTORS.toString(), "-i", file.toString(),
                    "-S", tmp.resolve("state").toString(), nic.name());
            assertEquals(0, dry.code(), dry.output());
            nic.routes().forEach(r -> assertTrue(dry.output().contains("route add " + r.cidr() + " via " + r.gateway()),
                    dry.output()));
        }
    }

    /**
     * ifparse exits 0 on most mistakes and only warns ({@code FILE:LINE: ...}); the check above
     * counts those warnings, and here is one it catches.
     */
    @Test
    void aMisplacedOptionIsCaughtSoTheCheckCanFail(@TempDir Path tmp) throws IOException, InterruptedException {
        String ifparse = IfupdownNg.tool("ifparse", "parses rendered Alpine interfaces files");
        Path file = Files.writeString(tmp.resolve("interfaces"), "address 10.0.0.1/24\nauto eth0\niface eth0\n");
        Exec.Result parsed = Exec.run(ifparse, "-i", file.toString(), "-A");
        assertEquals(1, warnings(parsed, file).size(), parsed.output());
        Path missing = tmp.resolve("missing");
        assertNotEquals(0, Exec.run(ifparse, "-i", missing.toString(), "-A").code());
    }

    private static List<String> warnings(Exec.Result result, Path file) {
        return result.output().lines().filter(line -> line.startsWith(file + ":")).toList();
    }

    /** Values of one property, one per line ({@code ifquery -p address eth0}), split on blanks. */
    private static List<String> property(String ifquery, Path file, String ifname, String property)
            throws IOException, InterruptedException {
        Exec.Result r = Exec.run(ifquery, "-i", file.toString(), "-p", property, ifname);
        assertEquals(0, r.code(), r.output());
        return List.of(r.output().strip().split("\\s+")).stream().filter(s -> !s.isEmpty()).toList();
    }
}
