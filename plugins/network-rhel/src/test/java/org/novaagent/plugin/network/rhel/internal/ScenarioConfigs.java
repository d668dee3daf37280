/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.rhel.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.novaagent.network.NetworkConfig;
import org.novaagent.network.NetworkConfigException;
import org.novaagent.network.NicDiscovery;
import org.novaagent.network.XenStoreNetworkParser;
import org.novaagent.network.testkit.Scenario;
import org.novaagent.network.testkit.ScenarioLoader;

/**
 * The configurations every tool-validation test runs over: each shared golden scenario parsed
 * by the real parser (against its sysfs fixture), plus the local extras from {@link TestNetworks}
 * (the spec 4.9 worked example with secondary IPv6, IPv6-only routes, a NIC with no address).
 */
final class ScenarioConfigs {

    private static final List<String> LOCAL = List.of("worked-example", "ipv6-routes", "no-address");

    private ScenarioConfigs() {
    }

    static Map<String, NetworkConfig> all() {
        Map<String, NetworkConfig> out = new LinkedHashMap<>();
        for (String name : ScenarioLoader.names()) {
            out.put(name, parse(ScenarioLoader.load(name)));
        }
        LOCAL.forEach(name -> out.put(name, TestNetworks.config(name)));
        return out;
    }

    static NetworkConfig parse(Scenario scenario) {
        Path root = null;
        try {
            root = Files.createTempDirectory("nova-scenario-");
            scenario.writeSysfs(root);
            return new XenStoreNetworkParser().read(scenario.xenStore(), NicDiscovery.discover(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NetworkConfigException e) {
            throw new IllegalStateException(scenario.name() + ": " + e.getMessage(), e);
        } finally {
            if (root != null) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    // best effort clean-up of a temp dir
                }
            }
        }
    }
}
