/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.novaagent.network.testkit.GoldenTrees;

/**
 * Golden plans: every shared network scenario and every Windows-only scenario is planned against its
 * adapters; the plan's text ({@code plan.txt}) and the PowerShell that applies it ({@code apply.ps1})
 * are compared with {@code src/test/resources/golden/<scenario>/} ({@code -Dgolden.update=true}
 * rewrites them). Each script passes {@code dist/windows/check-ps1.py}, and applying the plan to the
 * state as Windows would ({@link StateSimulator}) and planning again plans nothing.
 */
class PlannerGoldenTests {

    @TempDir
    Path dir;

    static Stream<String> shared() {
        return WindowsScenarios.sharedNames().stream();
    }

    static Stream<String> windows() {
        return WindowsScenarios.windowsNames().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shared")
    void sharedScenario(String name) throws Exception {
        check(WindowsScenarios.shared(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void windowsScenario(String name) throws Exception {
        check(WindowsScenarios.windows(name));
    }

    @Test
    void everyScenarioHasAGoldenAndEveryGoldenAScenario() throws Exception {
        long scenarios = shared().count() + windows().count();
        try (Stream<Path> golden = Files.list(Path.of("src/test/resources/golden"))) {
            assertEquals(scenarios, golden.count());
        }
        assertTrue(windows().count() >= 7, "the Windows scenarios the issue lists");
    }

    private void check(WindowsScenarios.WindowsScenario sc) throws Exception {
        NetworkPlan plan = ResetNetworkCommandHandler.plan(sc.view(), sc.state());
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("plan.txt"), plan.describe());
        if (!plan.changes().isEmpty()) {
            String script = PowerShellScript.of(plan.changes());
            Files.writeString(out.resolve("apply.ps1"), script.replace("\r\n", "\n"));
            ScriptCheck.assertWellFormed(script, dir.resolve("check"));
        }
        GoldenTrees.assertTree(Path.of("src/test/resources/golden", sc.name()), out, rel -> true);

        HostState after = StateSimulator.apply(sc.state(), plan);
        NetworkPlan again = ResetNetworkCommandHandler.plan(sc.view(), after);
        assertTrue(again.isEmpty(), () -> "a repeat must plan nothing, planned:\n" + again.describe());
        assertEquals(plan.notes(), again.notes(), "the same notes every time");
    }
}
