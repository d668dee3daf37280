/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.netplan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
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
import org.novaagent.testkit.RequiredTool;

/**
 * Issue #17 property: any valid model renders to netplan YAML that reads back to the same model
 * (a reader of the YAML subset netplan documents for {@code ethernets}: match, addresses, routes,
 * nameservers); on every tenth model the real {@code netplan generate} accepts the file and the
 * systemd-networkd files it generates read back to the same model too.
 */
class NetplanRoundTripTests {

    static Stream<Arguments> models() {
        return RandomNetworks.samples(200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("models")
    void yamlReadsBackToTheModel(long seed, NetworkConfig config, @TempDir Path root) throws Exception {
        List<RenderedFile> files = new NetplanRenderer().render(config, RendererOptions.defaults());
        String yaml = files.stream().filter(f -> f.path().equals(NetplanRenderer.PATH)).findFirst().orElseThrow().content();
        assertEquals(NetworkShape.of(config, true), read(yaml), "seed " + seed + ":\n" + yaml);
        if (seed % 10 == 0) {
            assertEquals(NetworkShape.of(config, true), generate(yaml, config, root), "netplan generate, seed " + seed);
        }
    }

    /** Reads the {@code ethernets} of a netplan YAML as written by any tool using block style. */
    static NetworkShape read(String yaml) {
        Map<String, NetworkShape.Nic> nics = new TreeMap<>();
        List<String> dns = new ArrayList<>();
        NetworkShape.Nic nic = null;
        List<String> path = new ArrayList<>();
        String pendingTo = null;
        for (String raw : yaml.split("\n")) {
            String line = raw.replaceAll("\\s+#.*$", "");
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            String item = line.strip();
            boolean listItem = item.startsWith("- ");
            if (listItem) {
                item = item.substring(2).strip();
                indent += 2;
            }
            int level = indent / 2;
            while (path.size() > level) {
                path.remove(path.size() - 1);
            }
            int colon = keyColon(item);
            String key = colon < 0 ? null : item.substring(0, colon).strip();
            String value = unquote(colon < 0 ? item : item.substring(colon + 1).strip());
            String where = String.join(".", path);
            if (where.equals("network.ethernets") && key != null && value.isEmpty()) {
                nic = nics.computeIfAbsent(key, k -> new NetworkShape.Nic());
            } else if (nic != null && where.endsWith(".match") && "macaddress".equals(key)) {
                nic.mac(value);
            } else if (nic != null && where.endsWith(".addresses") && !where.endsWith("nameservers.addresses")) {
                nic.address(value);
            } else if (where.endsWith("nameservers.addresses")) {
                dns.add(value);
            } else if (nic != null && where.endsWith(".routes")) {
                if ("to".equals(key)) {
                    pendingTo = value;
                } else if ("via".equals(key) && pendingTo != null) {
                    if (pendingTo.equals("default") || pendingTo.equals("0.0.0.0/0") || pendingTo.equals("::/0")) {
                        if (value.contains(":")) {
                            nic.gateway6(value);
                        } else {
                            nic.gateway4 = value;
                        }
                    } else {
                        nic.routes.add(NetworkShape.route(pendingTo, value));
                    }
                    pendingTo = null;
                }
            }
            if (key != null && value.isEmpty() && !listItem) {
                path.add(key);
            } else if (key != null && value.isEmpty()) {
                path.add(key);
            }
        }
        return new NetworkShape(nics, dns);
    }

    /** The colon ending a mapping key (not one inside a quoted IPv6 address). */
    private static int keyColon(String item) {
        if (item.startsWith("\"") || item.startsWith("'")) {
            return -1;
        }
        int c = item.indexOf(": ");
        if (c >= 0) {
            return c;
        }
        return item.endsWith(":") ? item.length() - 1 : -1;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static NetworkShape generate(String yaml, NetworkConfig config, Path root) throws Exception {
        Path netplan = RequiredTool.require("netplan", "validates rendered YAML with the real tool");
        Path file = root.resolve(NetplanRenderer.PATH);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Process p = new ProcessBuilder(netplan.toString(), "generate", "--root-dir", root.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "netplan generate timed out");
        assertEquals(0, p.exitValue(), "netplan generate: " + out + "\n" + yaml);
        Map<String, String> macToName = config.interfaces().stream()
                .collect(Collectors.toMap(NetInterface::mac, NetInterface::name));
        Map<String, NetworkShape.Nic> nics = new TreeMap<>();
        List<String> dns = new ArrayList<>();
        List<Path> generated = new ArrayList<>();
        try (DirectoryStream<Path> d = Files.newDirectoryStream(root.resolve("run/systemd/network"), "*.network")) {
            d.forEach(generated::add);
        }
        generated.sort(null); // 10-netplan-eth0.network, ...: the interfaces' order, which DNS order follows
        for (Path n : generated) {
            ConfigReaders.networkd(Files.readString(n), macToName, nics, dns);
        }
        return new NetworkShape(nics, dns);
    }
}
