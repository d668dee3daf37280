/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.debian.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.novaagent.network.testkit.ScenarioConfigs;
import org.novaagent.testkit.RequiredTool;
import org.novaagent.testkit.Exec;

/**
 * Every rendered ENI output, in both placements (marked block, drop-in), is read by the real
 * ifupdown 0.8: {@code ifquery -l} lists exactly our interfaces (plus lo), and
 * {@code ifup --no-act} accepts each one and would run the expected {@code ip} commands.
 */
class EniToolValidationTests {

    static final String SOURCING_MAIN = "auto lo\niface lo inet loopback\n\nsource /etc/network/interfaces.d/*\n";

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        ScenarioConfigs.all().forEach((name, config) -> {
            out.add(Arguments.of(name, config, "block"));
            out.add(Arguments.of(name, config, "drop-in"));
        });
        return out.stream();
    }

    /** The file ifupdown would effectively read: for the drop-in, main with the source line inlined. */
    static String effectiveFile(NetworkConfig config, String placement) {
        String main = placement.equals("block") ? "auto lo\niface lo inet loopback\n" : SOURCING_MAIN;
        List<RenderedFile> files = new EniRenderer().render(config,
                new RendererOptions(Map.of(), Map.of(EniRenderer.INTERFACES, main)));
        if (placement.equals("block")) {
            assertEquals(List.of(EniRenderer.INTERFACES), files.stream().map(RenderedFile::path).toList());
            return files.get(0).content();
        }
        assertEquals(List.of(EniRenderer.DROP_IN), files.stream().map(RenderedFile::path).toList());
        return main.replace("source /etc/network/interfaces.d/*\n", files.get(0).content());
    }

    @ParameterizedTest(name = "{0} ({2})")
    @MethodSource("cases")
    void ifupdownAcceptsTheOutput(String scenario, NetworkConfig config, String placement, @TempDir Path tmp)
            throws IOException, InterruptedException {
        String ifquery = RequiredTool.require("ifquery", "validates rendered /etc/network/interfaces").toString();
        String ifup = RequiredTool.require("ifup", "dry-runs rendered /etc/network/interfaces").toString();
        Path file = Files.writeString(tmp.resolve("interfaces"), effectiveFile(config, placement));
        Path state = Files.createDirectories(tmp.resolve("state"));

        Exec.Result list = Exec.run(ifquery, "-i", file.toString(), "-l");
        assertEquals(0, list.code(), list.output());
        List<String> expected = new ArrayList<>(List.of("lo"));
        expected.addAll(EniRenderer.interfaceNames(config));
        assertEquals(expected, list.output().lines().toList());

        for (NetInterface nic : config.interfaces()) {
            Exec.Result dry = Exec.run(ifup, "--no-act", "-v", "-i", file.toString(),
                    "--state-dir=" + state, nic.name());
            assertEquals(0, dry.code(), dry.output());
            for (IpAddress a : nic.ipv4()) {
                assertTrue(dry.output().contains(a.address()), "ifup would configure " + a.cidr() + ":\n" + dry.output());
            }
            for (IpAddress a : nic.ipv6()) {
                assertTrue(dry.output().contains(a.address()), "ifup would configure " + a.cidr() + ":\n" + dry.output());
            }
            nic.routes().forEach(r -> assertTrue(dry.output().contains("route add " + r.cidr() + " via " + r.gateway()),
                    dry.output()));
        }
    }
}
