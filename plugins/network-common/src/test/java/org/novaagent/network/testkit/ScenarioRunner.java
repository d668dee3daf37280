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
import org.novaagent.testkit.TestCommandContext;

/**
 * Runs a whole scenario through {@link ResetNetworkFlow} in a scratch root: the {@code before}
 * state first (attach/detach), then the scenario itself, asserting both answer {@code "0"} with the
 * scenario's expected message (e.g. the hostname adjustment it names). Each run
 * gets a test-kit context (Debian facts, a recording runner answering exit 0) reading the
 * scenario's XenStore.
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
     * @return the context of the final run (its runner has the recorded commands)
     * @throws IOException          when the sysfs tree cannot be written
     * @throws InterruptedException never in practice
     */
    public static TestCommandContext run(Scenario scenario, Path root, NetworkRenderer renderer, RendererOptionsFactory options,
                                  Applier applier, OwnedFiles owned) throws IOException, InterruptedException {
        ResetNetworkFlow flow = new ResetNetworkFlow();
        if (scenario.before().isPresent()) {
            Scenario before = scenario.before().get();
            before.writeSysfs(root);
            CommandResult r = flow.run(context(root, before), renderer, options, applier, owned);
            assertEquals(CommandResult.ok(before.reply()), r, "before state of " + scenario.name());
        }
        scenario.writeSysfs(root);
        TestCommandContext ctx = context(root, scenario);
        CommandResult r = flow.run(ctx, renderer, options, applier, owned);
        assertEquals(CommandResult.ok(scenario.reply()), r, scenario.name());
        return ctx;
    }

    /**
     * @param root     the scratch root
     * @param scenario the scenario whose XenStore and settings the handler reads
     * @return a fresh test-kit context for one run
     */
    public static TestCommandContext context(Path root, Scenario scenario) {
        TestCommandContext ctx = TestCommandContext.builder(root).xenStore(scenario.xenStore()).build();
        scenario.settings().forEach(ctx::putSetting);
        return ctx;
    }
}
