/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.netplan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.novaagent.network.IpAddress;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.NicDiscovery;
import org.novaagent.network.Route;
import org.novaagent.network.XenStoreNetworkParser;
import org.novaagent.network.testkit.Scenario;
import org.novaagent.network.testkit.ScenarioLoader;
import org.novaagent.testkit.RequiredTool;

/**
 * Proof with the real tool: every golden netplan file passes {@code netplan generate --root-dir}
 * and the systemd-networkd files it generates carry exactly the addresses, gateways, routes and
 * DNS servers the model asked for (expectations computed from the parsed scenario, not copied).
 */
class NetplanGenerateValidationTests {

    static Stream<String> scenarios() {
        return NetplanGoldenTests.scenarios();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void goldenPassesNetplanGenerate(String name, @TempDir Path tmp) throws Exception {
        Path netplan = RequiredTool.require("netplan", "needed to validate rendered files with the real tool");
        Path golden = Path.of("src/test/resources/golden", name, NetplanRenderer.PATH);
        Path root = tmp.resolve("root");
        Path yaml = root.resolve(NetplanRenderer.PATH);
        Files.createDirectories(yaml.getParent());
        Files.copy(golden, yaml);
        Files.setPosixFilePermissions(yaml, PosixFilePermissions.fromString("rw-------"));

        Process p = new ProcessBuilder(netplan.toString(), "generate", "--root-dir", root.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "netplan generate timed out");
        assertEquals(0, p.exitValue(), "netplan generate: " + out);
        assertTrue(!out.contains("deprecated") && !out.contains("too open"), "warnings: " + out);

        for (NetInterface i : expected(name, tmp.resolve("sysroot")).interfaces()) {
            Path network = root.resolve("run/systemd/network/10-netplan-" + i.name() + ".network");
            assertEquals(networkd(i), Files.readString(network), network.toString());
        }
    }

    /**
     * @param i an interface of the model
     * @return exactly the systemd-networkd file {@code netplan generate} must make of our YAML for it:
     *         our addresses, DNS, default routes and routes, nothing else (no DHCP, nobody else's address)
     */
    static String networkd(NetInterface i) {
        List<String> lines = new ArrayList<>(List.of("[Match]", "PermanentMACAddress=" + i.mac(), "Name=" + i.name(),
                "", "[Network]", "LinkLocalAddressing=ipv6"));
        Stream.concat(i.ipv4().stream(), i.ipv6().stream()).map(IpAddress::cidr).forEach(a -> lines.add("Address=" + a));
        i.dns().forEach(d -> lines.add("DNS=" + d));
        i.gateway4().ifPresent(g -> lines.addAll(List.of("", "[Route]", "Destination=0.0.0.0/0", "Gateway=" + g)));
        i.gateway6().ifPresent(g -> lines.addAll(List.of("", "[Route]", "Destination=::/0", "Gateway=" + g)));
        for (Route r : i.routes()) {
            lines.addAll(List.of("", "[Route]", "Destination=" + r.cidr(), "Gateway=" + r.gateway()));
        }
        return String.join("\n", lines) + "\n";
    }

    private static NetworkConfig expected(String name, Path sysroot) throws Exception {
        Scenario s = ScenarioLoader.load(name);
        s.writeSysfs(sysroot);
        return new XenStoreNetworkParser().read(s.xenStore(), NicDiscovery.discover(sysroot));
    }
}
