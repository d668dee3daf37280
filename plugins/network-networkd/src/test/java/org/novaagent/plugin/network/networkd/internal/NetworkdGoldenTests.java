/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.networkd.internal;

import java.io.IOException;
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
 * Every shared scenario run through the real flow into a scratch root, compared as a whole tree
 * with {@code src/test/resources/golden/<scenario>/}. {@code -Dgolden.update=true} rewrites them.
 */
class NetworkdGoldenTests {

    /** Scenarios networkd cannot express; none. */
    static final Set<String> SKIPPED = Set.of();

    static Stream<String> scenarios() {
        return ScenarioLoader.namesExcept(SKIPPED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void matchesGoldenTree(String scenario, @TempDir Path root) throws IOException, InterruptedException {
        ScenarioRunner.run(ScenarioLoader.load(scenario), root, new NetworkdRenderer(), ResetNetworkCommandHandler.OPTIONS,
                new NetworkdApplier(), ResetNetworkCommandHandler.OWNED);
        GoldenTrees.assertTree(Path.of("src/test/resources/golden", scenario), root);
    }
}
