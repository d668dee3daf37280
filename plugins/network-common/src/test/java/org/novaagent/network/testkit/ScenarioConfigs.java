/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network.testkit;

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

/**
 * The configurations every tool-validation test runs over: each shared golden scenario parsed
 * by the real parser (against its sysfs fixture), plus the local extras from {@link TestNetworks}
 * (the spec 4.9 worked example with secondary IPv6, IPv6-only routes, a NIC with no address).
 */
public final class ScenarioConfigs {

    private static final List<String> LOCAL = List.of("worked-example", "ipv6-routes", "no-address");

    private ScenarioConfigs() {
    }

    /** @return every shared scenario (parsed) then the local extras, by name */
    public static Map<String, NetworkConfig> all() {
        Map<String, NetworkConfig> out = new LinkedHashMap<>();
        for (String name : ScenarioLoader.names()) {
            out.put(name, parse(ScenarioLoader.load(name)));
        }
        LOCAL.forEach(name -> out.put(name, TestNetworks.config(name)));
        return out;
    }

    /**
     * Parses a scenario with the real parser against its sysfs fixture, in a temporary root.
     *
     * @param scenario the scenario
     * @return its configuration
     */
    public static NetworkConfig parse(Scenario scenario) {
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
