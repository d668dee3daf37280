/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.novaagent.api.CommandResult;
import org.novaagent.network.Applier;
import org.novaagent.network.NetworkRenderer;
import org.novaagent.network.OwnedFiles;
import org.novaagent.network.RendererOptionsFactory;
import org.novaagent.network.ResetNetworkFlow;

/**
 * Runs a whole scenario through {@link ResetNetworkFlow} in a scratch root: the {@code before}
 * state first (attach/detach), then the scenario itself, asserting both answer {@code "0"}.
 */
public final class ScenarioRunner {

    private ScenarioRunner() {
    }

    /**
     * @param scenario the scenario
     * @param root     the scratch root (prepare renderer-specific directories first)
     * @param renderer the plugin's renderer
     * @param options  its options factory
     * @param applier  its applier
     * @param owned    its owned files
     * @return the context of the final run (recorded commands)
     * @throws IOException          when the sysfs tree cannot be written
     * @throws InterruptedException never in practice
     */
    public static TestContext run(Scenario scenario, Path root, NetworkRenderer renderer, RendererOptionsFactory options,
                                  Applier applier, OwnedFiles owned) throws IOException, InterruptedException {
        ResetNetworkFlow flow = new ResetNetworkFlow();
        if (scenario.before().isPresent()) {
            Scenario before = scenario.before().get();
            before.writeSysfs(root);
            CommandResult r = flow.run(new TestContext(root, before.xenStore()), renderer, options, applier, owned);
            assertEquals(CommandResult.ok(), r, "before state of " + scenario.name());
        }
        scenario.writeSysfs(root);
        TestContext ctx = new TestContext(root, scenario.xenStore());
        CommandResult r = flow.run(ctx, renderer, options, applier, owned);
        assertEquals(CommandResult.ok(), r, scenario.name());
        return ctx;
    }
}
