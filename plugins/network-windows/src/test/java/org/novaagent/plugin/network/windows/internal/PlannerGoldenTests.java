/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /**
     * Cloud Network detach after attach: the attach plan applied as Windows would, then the rc-net
     * adapter (ifIndex 16) unplugged; its persistent route stays in Windows' store and the detach plan
     * removes it: exactly the golden plan of {@code cloud-network-detach}, whose adapters.txt also holds
     * a route of another metric on the gone interface, left alone.
     */
    @Test
    void attachThenDetachRemovesTheDetachedAdaptersPersistentRoute() throws Exception {
        WindowsScenarios.WindowsScenario attach = WindowsScenarios.windows("cloud-network-attach");
        HostState attached = StateSimulator.apply(attach.state(), ResetNetworkCommandHandler.plan(attach.view(), attach.state()));
        assertTrue(attached.persistentRoutes().contains(new HostState.PersistentRoute(16,
                new org.novaagent.network.Route("172.16.0.0", 16, "192.168.3.1", false), Change.ROUTE_METRIC)));
        java.util.Set<Integer> interfaces = new java.util.HashSet<>(attached.interfaces());
        interfaces.remove(16);
        HostState detached = new HostState(attached.computerName(),
                attached.adapters().stream().filter(a -> a.ifIndex() != 16).toList(), interfaces, attached.persistentRoutes());
        WindowsScenarios.WindowsScenario detach = WindowsScenarios.windows("cloud-network-detach");
        NetworkPlan plan = ResetNetworkCommandHandler.plan(detach.view(), detached);
        assertEquals(Files.readString(Path.of("src/test/resources/golden/cloud-network-detach/plan.txt")), plan.describe());
        assertEquals(List.of(new Change.StaleRoute(new HostState.PersistentRoute(16,
                new org.novaagent.network.Route("172.16.0.0", 16, "192.168.3.1", false), 10), true, false)), plan.changes());
        HostState after = StateSimulator.apply(detached, plan);
        assertTrue(ResetNetworkCommandHandler.plan(detach.view(), after).isEmpty());
    }

    /**
     * The host's data no longer lists the rc-net adapter but Windows still has it (detach seen before the
     * VIF is unplugged): its persistent route is removed from both stores, the adapter itself is left alone,
     * and a route of another metric on it stays.
     */
    @Test
    void anAdapterNoLongerInTheHostsDataLosesTheAgentsPersistentRoutes() throws Exception {
        WindowsScenarios.WindowsScenario attach = WindowsScenarios.windows("cloud-network-attach");
        HostState attached = StateSimulator.apply(attach.state(), ResetNetworkCommandHandler.plan(attach.view(), attach.state()));
        List<HostState.PersistentRoute> routes = new java.util.ArrayList<>(attached.persistentRoutes());
        routes.add(new HostState.PersistentRoute(16, new org.novaagent.network.Route("10.0.0.0", 8, "192.168.3.1", false), 256));
        HostState state = new HostState(attached.computerName(), attached.adapters(), attached.interfaces(), routes);
        NetworkPlan plan = ResetNetworkCommandHandler.plan(WindowsScenarios.windows("cloud-network-detach").view(), state);
        assertEquals("if16: remove persistent route 172.16.0.0/16 via 192.168.3.1 metric 10 (the adapter is not in the"
                + " host's network data)\n", plan.describe());
        assertEquals("Remove-NetRoute -Confirm:$false -InterfaceIndex 16 -DestinationPrefix '172.16.0.0/16' -NextHop"
                + " '192.168.3.1'", plan.changes().get(0).statement());
        HostState after = StateSimulator.apply(state, plan);
        assertEquals(List.of(), after.adapter(16).orElseThrow().routes(), "gone from the active store too");
        assertEquals(List.of(new HostState.PersistentRoute(16, new org.novaagent.network.Route("10.0.0.0", 8, "192.168.3.1",
                false), 256)), after.persistentRoutes().stream().filter(p -> p.ifIndex() == 16).toList());
        assertTrue(ResetNetworkCommandHandler.plan(WindowsScenarios.windows("cloud-network-detach").view(), after).isEmpty());
    }

    private void check(WindowsScenarios.WindowsScenario sc) throws Exception {
        NetworkPlan plan = ResetNetworkCommandHandler.plan(sc.view(), sc.state(), sc.value());
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("plan.txt"), plan.describe());
        if (!plan.changes().isEmpty()) {
            String script = PowerShellScript.of(plan.changes());
            Files.writeString(out.resolve("apply.ps1"), script.replace("\r\n", "\n"));
            ScriptCheck.assertWellFormed(script, dir.resolve("check"));
        }
        GoldenTrees.assertTree(Path.of("src/test/resources/golden", sc.name()), out, rel -> true);

        HostState after = StateSimulator.apply(sc.state(), plan);
        NetworkPlan again = ResetNetworkCommandHandler.plan(sc.view(), after, sc.value());
        assertTrue(again.isEmpty(), () -> "a repeat must plan nothing, planned:\n" + again.describe());
        assertEquals(plan.notes(), again.notes(), "the same notes every time");
    }
}
