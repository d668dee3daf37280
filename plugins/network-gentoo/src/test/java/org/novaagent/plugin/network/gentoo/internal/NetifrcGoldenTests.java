/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.gentoo.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.novaagent.network.OwnedFiles;
import org.novaagent.network.testkit.GoldenTrees;
import org.novaagent.network.testkit.ScenarioLoader;
import org.novaagent.network.testkit.ScenarioRunner;

/**
 * Every shared scenario run through the real flow into a scratch root holding a Gentoo image's
 * {@code /etc/conf.d/net} (DHCP on eth0 with a multi-line route list, an MTU and a module choice the
 * operator keeps), compared as a whole tree with {@code src/test/resources/golden/<scenario>/}.
 * {@code -Dgolden.update=true} rewrites the trees.
 */
class NetifrcGoldenTests {

    /** What a Gentoo image's conf.d/net holds before the agent runs. */
    static final String IMAGE_CONF_NET = "# This blank configuration will automatically use DHCP for any net.*\n"
            + "# scripts in /etc/init.d.\n"
            + "modules_eth0=\"iproute2\"\n"
            + "config_eth0=\"dhcp\"\n"
            + "routes_eth0=\"10.9.0.0/16 via 10.0.2.3\n"
            + "10.10.0.0/16 via 10.0.2.3\"\n"
            + "mtu_eth0=\"1500\"\n";

    /** Scenarios netifrc cannot express; none. */
    static final Set<String> SKIPPED = Set.of();

    static Stream<String> scenarios() {
        return ScenarioLoader.namesExcept(SKIPPED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void matchesGoldenTree(String scenario, @TempDir Path root) throws IOException, InterruptedException {
        Files.createDirectories(root.resolve("etc/conf.d"));
        Files.writeString(root.resolve(NetifrcRenderer.CONF_NET), IMAGE_CONF_NET);
        ScenarioRunner.run(ScenarioLoader.load(scenario), root, new NetifrcRenderer(), ResetNetworkCommandHandler.OPTIONS,
                new NetifrcApplier(ServiceLinks.read(root)), OwnedFiles.none());
        GoldenTrees.assertTree(Path.of("src/test/resources/golden", scenario), root);
    }
}
