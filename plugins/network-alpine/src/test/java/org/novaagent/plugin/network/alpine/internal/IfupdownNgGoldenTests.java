/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.alpine.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.novaagent.network.EniApplier;
import org.novaagent.network.OwnedFiles;
import org.novaagent.network.testkit.GoldenTrees;
import org.novaagent.network.testkit.ScenarioLoader;
import org.novaagent.network.testkit.ScenarioRunner;

/**
 * Every shared scenario run through the real flow into a scratch Alpine root that holds what
 * Alpine's {@code setup-interfaces} writes (lo plus eth0 on DHCP), compared as a whole tree with
 * {@code src/test/resources/golden/<scenario>/}. {@code -Dgolden.update=true} rewrites them.
 */
class IfupdownNgGoldenTests {

    /** What {@code setup-interfaces} leaves on a fresh Alpine install. */
    static final String ALPINE_MAIN = "auto lo\niface lo inet loopback\n\nauto eth0\niface eth0 inet dhcp\n";

    /** Scenarios ifupdown-ng cannot express; none. */
    static final Set<String> SKIPPED = Set.of();

    static Stream<String> scenarios() {
        return ScenarioLoader.namesExcept(SKIPPED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void matchesGoldenTree(String scenario, @TempDir Path root) throws IOException, InterruptedException {
        Files.createDirectories(root.resolve("etc/network"));
        Files.writeString(root.resolve(IfupdownNgRenderer.INTERFACES), ALPINE_MAIN);
        ScenarioRunner.run(ScenarioLoader.load(scenario), root, new IfupdownNgRenderer(),
                ResetNetworkCommandHandler.OPTIONS, new EniApplier(), OwnedFiles.none());
        GoldenTrees.assertTree(Path.of("src/test/resources/golden", scenario), root);
    }
}
