/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.debian.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.novaagent.network.EniApplier;
import org.novaagent.network.testkit.GoldenTrees;
import org.novaagent.network.testkit.ScenarioLoader;
import org.novaagent.network.testkit.ScenarioRunner;

/**
 * Every shared scenario run through the real flow into a scratch Debian root whose main file
 * includes interfaces.d, compared as a whole tree with {@code src/test/resources/golden/<scenario>/}.
 * {@code -Dgolden.update=true} rewrites the expected trees.
 */
class EniGoldenTests {

    /** Scenarios ifupdown cannot express; none so far. */
    static final Set<String> SKIPPED = Set.of();

    static Stream<String> scenarios() {
        return ScenarioLoader.namesExcept(SKIPPED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void matchesGoldenTree(String scenario, @TempDir Path root) throws IOException, InterruptedException {
        Files.createDirectories(root.resolve("etc/network"));
        Files.writeString(root.resolve(EniRenderer.INTERFACES), EniToolValidationTests.SOURCING_MAIN);
        ScenarioRunner.run(ScenarioLoader.load(scenario), root, new EniRenderer(), ResetNetworkCommandHandler.OPTIONS,
                new EniApplier(), ResetNetworkCommandHandler.OWNED);
        GoldenTrees.assertTree(Path.of("src/test/resources/golden", scenario), root);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void matchesGoldenTreeWithMarkedBlock(String scenario, @TempDir Path root) throws IOException, InterruptedException {
        Files.createDirectories(root.resolve("etc/network"));
        Files.writeString(root.resolve(EniRenderer.INTERFACES), "# operator's file without interfaces.d\n"
                + "auto lo\niface lo inet loopback\n\nallow-hotplug eth0\niface eth0 inet dhcp\n");
        ScenarioRunner.run(ScenarioLoader.load(scenario), root, new EniRenderer(), ResetNetworkCommandHandler.OPTIONS,
                new EniApplier(), ResetNetworkCommandHandler.OWNED);
        GoldenTrees.assertTree(Path.of("src/test/resources/golden-block", scenario), root);
    }
}
