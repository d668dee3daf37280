/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.suse.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.novaagent.network.testkit.GoldenTrees;
import org.novaagent.network.testkit.ScenarioLoader;
import org.novaagent.network.testkit.ScenarioRunner;

/**
 * Every shared scenario run through the real flow into a scratch root holding what an openSUSE
 * Leap 15 cloud image has (eth0 on DHCP, netconfig's config with an empty static DNS list),
 * compared as a whole tree with {@code src/test/resources/golden/<scenario>/}.
 * {@code -Dgolden.update=true} rewrites the trees.
 */
class WickedGoldenTests {

    static final String IMAGE_IFCFG = "BOOTPROTO='dhcp'\nSTARTMODE='auto'\n";
    static final String IMAGE_CONFIG = "## Type:        string\n## Default:     \"\"\n#\n"
            + "# List of DNS domain names used for host-name lookup.\nNETCONFIG_DNS_STATIC_SEARCHLIST=\"\"\n"
            + "NETCONFIG_DNS_STATIC_SERVERS=\"\"\nNETCONFIG_DNS_POLICY=\"auto\"\n";

    /** Scenarios wicked cannot express; none. */
    static final Set<String> SKIPPED = Set.of();

    static Stream<String> scenarios() {
        return ScenarioLoader.namesExcept(SKIPPED);
    }

    static void image(Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve(WickedRenderer.DIR));
        Files.writeString(dir.resolve("ifcfg-eth0"), IMAGE_IFCFG);
        Files.writeString(dir.resolve("config"), IMAGE_CONFIG);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void matchesGoldenTree(String scenario, @TempDir Path root) throws IOException, InterruptedException {
        image(root);
        ScenarioRunner.run(ScenarioLoader.load(scenario), root, new WickedRenderer(), ResetNetworkCommandHandler.OPTIONS,
                new WickedApplier(), ResetNetworkCommandHandler.OWNED);
        GoldenTrees.assertTree(Path.of("src/test/resources/golden", scenario), root);
    }
}
