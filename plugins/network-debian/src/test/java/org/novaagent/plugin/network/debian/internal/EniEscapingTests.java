/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.debian.internal;

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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.novaagent.network.IpAddress;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.testkit.HostileNetworks;
import org.novaagent.network.testkit.HostileText;
import org.novaagent.network.testkit.TestNetworks;
import org.novaagent.testkit.Exec;
import org.novaagent.testkit.RequiredTool;

/**
 * Issue #19 finding 3 for ifupdown: every hostile value in every field ({@link HostileNetworks}),
 * and the injection payload as a label with each line break, rendered in both placements and read
 * by the real ifupdown: {@code ifquery -l} lists exactly the intended interfaces and
 * {@code ifup -a --no-act} would run only the commands for their addresses.
 */
class EniEscapingTests {

    static Stream<Arguments> cases() {
        List<Named<NetworkConfig>> configs = new ArrayList<>();
        HostileNetworks.batches().forEach(b -> configs.add(Named.of("hostile " + b.field(), b.config())));
        List<NetInterface> labelled = new ArrayList<>();
        int i = 0;
        for (String sep : HostileText.LINE_BREAKS.values()) {
            labelled.add(TestNetworks.nic("eth" + i, String.format("bc:76:4e:00:01:%02x", i), HostileText.payload(sep),
                    List.of(TestNetworks.v4("10.9." + i + ".5/24")), List.of(), null, null, List.of(), List.of()));
            i++;
        }
        configs.add(Named.of("payload labels", new NetworkConfig(labelled, Optional.empty())));
        List<Arguments> out = new ArrayList<>();
        for (Named<NetworkConfig> c : configs) {
            out.add(Arguments.of(c, "block"));
            out.add(Arguments.of(c, "drop-in"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("cases")
    void ifupdownSeesExactlyTheIntendedInterfaces(NetworkConfig config, String placement, @TempDir Path tmp)
            throws IOException, InterruptedException {
        String ifquery = RequiredTool.require("ifquery", "reads rendered /etc/network/interfaces").toString();
        String ifup = RequiredTool.require("ifup", "dry-runs rendered /etc/network/interfaces").toString();
        String text = EniToolValidationTests.effectiveFile(config, placement);
        assertTrue(text.chars().allMatch(c -> c == '\n' || c >= 0x20 && c < 0x7f), "only printable ASCII:\n" + text);
        Path file = Files.writeString(tmp.resolve("interfaces"), text);

        Exec.Result list = Exec.run(ifquery, "-i", file.toString(), "-l");
        assertEquals(0, list.code(), list.output());
        List<String> expected = new ArrayList<>(List.of("lo"));
        config.interfaces().forEach(n -> expected.add(n.name()));
        assertEquals(expected, list.output().lines().toList(), text);

        Path state = Files.createDirectories(tmp.resolve("state"));
        Exec.Result dry = Exec.run(ifup, "-a", "--no-act", "-v", "-i", file.toString(), "--state-dir=" + state);
        assertEquals(0, dry.code(), dry.output());
        assertFalse(dry.output().contains(HostileText.EVIL) || dry.output().contains("PWNED")
                || dry.output().contains("dhclient"), dry.output());
        for (NetInterface n : config.interfaces()) {
            for (IpAddress a : n.ipv4()) {
                assertTrue(dry.output().contains(a.address()), a.cidr() + " in\n" + dry.output());
            }
        }
    }
}
