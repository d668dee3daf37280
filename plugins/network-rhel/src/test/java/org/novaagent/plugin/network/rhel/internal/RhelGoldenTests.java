/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.rhel.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.novaagent.network.NmKeyfileRenderer;
import org.novaagent.network.RendererOptions;
import org.novaagent.network.testkit.GoldenTrees;
import org.novaagent.network.testkit.ScenarioLoader;
import org.novaagent.network.testkit.ScenarioRunner;

/**
 * Every shared scenario run through the real flow into a scratch RHEL root, once with ifcfg
 * files (compared with {@code src/test/resources/golden/<scenario>/}) and once with keyfiles
 * ({@code golden-keyfiles/<scenario>/}). {@code -Dgolden.update=true} rewrites the trees.
 */
class RhelGoldenTests {

    /** Scenarios these formats cannot express; none so far. */
    static final Set<String> SKIPPED = Set.of();

    static Stream<String> scenarios() {
        return ScenarioLoader.namesExcept(SKIPPED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void ifcfgMatchesGoldenTree(String scenario, @TempDir Path root) throws IOException, InterruptedException {
        Files.createDirectories(root.resolve(RhelNames.SCRIPTS));
        Files.writeString(root.resolve(RhelNames.ifcfg("eth0")), "TYPE=Ethernet\nZONE=public\nBOOTPROTO=dhcp\nDEVICE=eth0\n");
        Files.writeString(root.resolve(RhelNames.SYSCONFIG_NETWORK), "NETWORKING=yes\nNOZEROCONF=yes\n");
        ScenarioRunner.run(ScenarioLoader.load(scenario), root, new IfcfgRenderer(),
                (ctx, stager) -> ResetNetworkCommandHandler.ifcfgOptions(stager, true),
                new RhelApplier(RhelApplier.Mode.NM_IFCFG), IfcfgRenderer.OWNED);
        GoldenTrees.assertTree(Path.of("src/test/resources/golden", scenario), root);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void keyfilesMatchGoldenTree(String scenario, @TempDir Path root) throws IOException, InterruptedException {
        ScenarioRunner.run(ScenarioLoader.load(scenario), root, new NmKeyfileRenderer(),
                (ctx, stager) -> RendererOptions.defaults(),
                new RhelApplier(RhelApplier.Mode.NM_KEYFILE), NmKeyfileRenderer.OWNED);
        GoldenTrees.assertTree(Path.of("src/test/resources/golden-keyfiles", scenario), root);
    }
}
