/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.gentoo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.RendererOptions;
import org.novaagent.network.testkit.HostileNetworks;
import org.novaagent.network.testkit.HostileText;
import org.novaagent.network.testkit.TestNetworks;
import org.novaagent.plugin.network.gentoo.testkit.NetifrcPlan;
import org.novaagent.testkit.Exec;
import org.novaagent.testkit.RequiredTool;

/**
 * Issue #19 finding 3 for netifrc: every hostile value in every field ({@link HostileNetworks}) and the
 * injection payload as labels with each line break. The rendered {@code conf.d/net} is printable ASCII,
 * passes {@code bash -n}, sourcing it runs nothing ({@code $(touch PWNED)} creates no file), it assigns
 * no variable for the payload's interface, and net.lo's reading ({@link NetifrcPlan}) of every NIC is
 * exactly what the model says.
 */
class NetifrcEscapingTests {

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
    void bashReadsExactlyTheIntendedVariables(NetworkConfig config, @TempDir Path tmp) throws IOException, InterruptedException {
        String bash = RequiredTool.require("bash", "sources rendered conf.d/net").toString();
        String text = new NetifrcRenderer().render(config, new RendererOptions(Map.of(),
                Map.of(NetifrcRenderer.CONF_NET, NetifrcGoldenTests.IMAGE_CONF_NET))).get(0).content();
        assertTrue(text.chars().allMatch(c -> c == '\n' || c >= 0x20 && c < 0x7f), "only printable ASCII:\n" + text);
        Path conf = Files.writeString(tmp.resolve("net"), text);
        Exec.Result syntax = Exec.run(bash, "-n", conf.toString());
        assertEquals(0, syntax.code(), syntax.output());

        Path work = Files.createDirectories(tmp.resolve("work"));
        Exec.Result sourced = Exec.run(bash, "-c", "cd \"$1\" && . \"$2\" && compgen -v | grep -c '" + HostileText.EVIL + "' || true",
                bash, work.toString(), conf.toString());
        assertEquals("0", sourced.output().strip(), "a variable of the payload's interface:\n" + text);
        try (Stream<Path> files = Files.list(work)) {
            assertEquals(List.of(), files.toList(), "sourcing ran a command");
        }
        List<String> names = config.interfaces().stream().map(NetInterface::name).toList();
        List<String> expected = new ArrayList<>();
        config.interfaces().forEach(nic -> expected.addAll(NetifrcShellTests.expected(nic)));
        List<String> read = NetifrcPlan.read(bash, conf, names, tmp);
        assertFalse(read.stream().anyMatch(l -> l.contains(HostileText.EVIL)), read.toString());
        assertEquals(expected, read);
    }
}
