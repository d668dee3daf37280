/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.alpine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.RenderedFile;
import org.novaagent.network.testkit.HostileNetworks;
import org.novaagent.network.testkit.HostileText;
import org.novaagent.network.testkit.TestNetworks;
import org.novaagent.testkit.Exec;

/**
 * Issue #19 finding 3 for ifupdown-ng: every hostile value in every field ({@link HostileNetworks})
 * and the injection payload as a label with each line break, read by the real ifupdown-ng:
 * {@code ifparse -A} warns about nothing, {@code ifquery -L} lists exactly lo and the intended
 * interfaces, {@code ifup -n} would run nothing of the payload, and resolv.conf holds only
 * {@code nameserver <ip>} lines under our header.
 */
class IfupdownNgEscapingTests {

    static Stream<Named<NetworkConfig>> configs() {
        List<Named<NetworkConfig>> out = new ArrayList<>();
        HostileNetworks.batches().forEach(b -> out.add(Named.of("hostile " + b.field(), b.config())));
        List<NetInterface> labelled = new ArrayList<>();
        int i = 0;
        for (String sep : HostileText.LINE_BREAKS.values()) {
            labelled.add(TestNetworks.nic("eth" + i, String.format("bc:76:4e:00:01:%02x", i), HostileText.payload(sep),
                    List.of(TestNetworks.v4("10.9." + i + ".5/24")), List.of(), null, null, List.of(), List.of("192.0.2.53")));
            i++;
        }
        out.add(Named.of("payload labels", new NetworkConfig(labelled, Optional.empty())));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void ifupdownNgSeesExactlyTheIntendedInterfaces(NetworkConfig config, @TempDir Path tmp)
            throws IOException, InterruptedException {
        String ifparse = IfupdownNg.tool("ifparse", "parses rendered Alpine interfaces files");
        String ifquery = IfupdownNg.tool("ifquery", "queries rendered Alpine interfaces files");
        String ifup = IfupdownNg.tool("ifup", "dry-runs rendered Alpine interfaces files");
        String text = IfupdownNg.render(config);
        assertTrue(text.chars().allMatch(c -> c == '\n' || c >= 0x20 && c < 0x7f), "only printable ASCII:\n" + text);
        Path file = Files.writeString(tmp.resolve("interfaces"), text);

        Exec.Result parsed = Exec.run(ifparse, "-i", file.toString(), "-A");
        assertEquals(0, parsed.code(), parsed.output());
        assertEquals(List.of(), parsed.output().lines().filter(l -> l.startsWith(file + ":")).toList(), parsed.output());
        assertFalse(parsed.output().contains(HostileText.EVIL) || parsed.output().contains("dhcp"), parsed.output());

        Exec.Result list = Exec.run(ifquery, "-i", file.toString(), "-L");
        assertEquals(0, list.code(), list.output());
        List<String> expected = new ArrayList<>(List.of("lo"));
        expected.addAll(IfupdownNg.names(config));
        assertEquals(expected.stream().sorted().toList(), list.output().lines().sorted().toList(), text);

        Exec.Result dry = Exec.run(ifup, "-n", "-a", "-E", IfupdownNg.EXECUTORS.toString(), "-i", file.toString(),
                "-S", tmp.resolve("state").toString());
        assertEquals(0, dry.code(), dry.output());
        assertFalse(dry.output().contains(HostileText.EVIL) || dry.output().contains("PWNED"), dry.output());

        Optional<RenderedFile> resolv = IfupdownNgRenderer.resolvConf(config);
        resolv.ifPresent(r -> assertTrue(r.content().lines().allMatch(l -> l.startsWith("# ")
                || l.matches("nameserver [0-9a-f:.]+")), r.content()));
    }
}
