/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.netplan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.novaagent.network.IpAddress;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.RendererOptions;
import org.novaagent.network.testkit.HostileNetworks;
import org.novaagent.network.testkit.HostileText;
import org.novaagent.network.testkit.TestNetworks;
import org.novaagent.testkit.Exec;
import org.novaagent.testkit.RequiredTool;

/**
 * Issue #19 finding 3 with the real netplan: a label carrying U+0085, U+2028 or U+2029 added a whole
 * ethernet to the rendered file. Now every hostile value in every field ({@link HostileNetworks})
 * goes through the renderer and {@code netplan generate --root-dir}; {@code netplan get} and the
 * generated systemd-networkd files must show exactly the intended interfaces and addresses.
 */
class NetplanEscapingTests {

    @ParameterizedTest(name = "label with {0}")
    @ValueSource(strings = {"\u0085", "\u2028", "\u2029", "\n", "\r"})
    void aLabelCannotAddAnInterface(String lineBreak, @TempDir Path root) throws Exception {
        NetInterface eth0 = TestNetworks.nic("eth0", "bc:76:4e:20:0c:13", HostileText.payload(lineBreak),
                List.of(TestNetworks.v4("10.0.0.5/24")), List.of(), "10.0.0.1", null, List.of(), List.of());
        NetworkConfig config = new NetworkConfig(List.of(eth0), Optional.empty());
        assertSeesExactly(config, root);
    }

    @ParameterizedTest(name = "reported attack with U+{0}")
    @ValueSource(strings = {"0085", "2028", "2029"})
    void theReportedLabelAttackAddsNoEthernet(String codePoint, @TempDir Path root) throws Exception {
        String label = HostileText.issue19Label(Character.toString(Integer.parseInt(codePoint, 16)));
        NetworkConfig config = new NetworkConfig(List.of(
                TestNetworks.nic("eth0", "bc:76:4e:20:0c:13", label, List.of(TestNetworks.v4("10.0.0.5/24")), List.of(),
                        "10.0.0.1", null, List.of(), List.of("192.0.2.53")),
                TestNetworks.nic("eth1", "bc:76:4e:20:0c:14", "private", List.of(TestNetworks.v4("10.1.0.5/24")), List.of(),
                        null, null, List.of(), List.of())), Optional.empty());
        assertSeesExactly(config, root);
        try (Stream<Path> files = Files.list(root.resolve("run/systemd/network"))) {
            for (Path f : files.toList()) {
                String text = Files.readString(f);
                assertFalse(text.contains("203.0.113.66") || text.contains("DHCP="), f + ":\n" + text);
            }
        }
    }

    static Stream<Named<HostileNetworks.Batch>> batches() {
        return HostileNetworks.batches().stream().map(b -> Named.of(b.field(), b));
    }

    @ParameterizedTest(name = "hostile {0}")
    @MethodSource("batches")
    void everyAcceptedHostileValueRendersExactlyTheIntendedInterfaces(HostileNetworks.Batch batch, @TempDir Path root)
            throws Exception {
        assertSeesExactly(batch.config(), root);
    }

    @Test
    void theEmitterAloneWritesOnlyPrintableAscii() {
        for (String h : HostileText.values().values()) {
            String yaml = new YamlWriter().comment(0, "label: " + h).entry(0, "k", "v" + h).item(0, h).toString();
            assertTrue(yaml.chars().allMatch(c -> c == '\n' || c >= 0x20 && c < 0x7f), yaml);
            assertEquals(3, yaml.lines().count(), yaml);
        }
    }

    private static void assertSeesExactly(NetworkConfig config, Path root) throws IOException, InterruptedException {
        String netplan = RequiredTool.require("netplan", "reads the rendered YAML as netplan apply would").toString();
        String yaml = new NetplanRenderer().render(config, RendererOptions.defaults()).get(0).content();
        Path file = root.resolve(NetplanRenderer.PATH);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        Exec.Result generate = Exec.run(netplan, "generate", "--root-dir", root.toString());
        assertEquals(0, generate.code(), generate.output() + "\n" + yaml);
        List<String> intended = config.interfaces().stream().map(NetInterface::name).sorted().toList();
        List<String> generated;
        try (Stream<Path> files = Files.list(root.resolve("run/systemd/network"))) {
            generated = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".network"))
                    .map(n -> n.substring("10-netplan-".length(), n.length() - ".network".length())).sorted().toList();
        }
        assertEquals(intended, generated, yaml);

        Exec.Result get = Exec.run(netplan, "get", "--root-dir", root.toString(), "ethernets");
        assertEquals(0, get.code(), get.output());
        List<String> keys = get.output().lines().filter(l -> l.matches("[^ #-][^:]*:.*"))
                .map(l -> l.substring(0, l.indexOf(':')).replace("\"", "")).sorted().toList();
        assertEquals(intended, keys, get.output());
        assertFalse(get.output().contains(HostileText.EVIL) || get.output().contains("dhcp4: true"), get.output());

        for (NetInterface n : config.interfaces()) {
            String network = Files.readString(root.resolve("run/systemd/network/10-netplan-" + n.name() + ".network"));
            List<String> addresses = new ArrayList<>();
            Stream.concat(n.ipv4().stream(), n.ipv6().stream()).map(IpAddress::cidr).forEach(a -> addresses.add("Address=" + a));
            assertEquals(addresses, network.lines().filter(l -> l.startsWith("Address=")).toList(), network);
            assertEquals(n.dns().stream().map(d -> "DNS=" + d).toList(),
                    network.lines().filter(l -> l.startsWith("DNS=")).toList(), network);
        }
    }
}
