/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.novaagent.api.ProcessResult;
import org.novaagent.api.ProcessRunner;

/**
 * The executor against the recording PowerShell: one session with the plan's script on stdin (never
 * in argv), success only when every step reported {@code ok}; a failed step leads to a second session
 * that undoes exactly the applied steps, newest first, which brings the simulated adapters back to
 * their previous state; a failed undo, an undo that cannot be written and PowerShell that does not
 * start are all reported.
 */
class PlanExecutorTests {

    private final WindowsScenarios.WindowsScenario scenario = WindowsScenarios.windows("ipv6-disabled-public");

    private NetworkPlan plan() throws Exception {
        return ResetNetworkCommandHandler.plan(scenario.view(), scenario.state());
    }

    @Test
    void oneSessionAppliesThePlanFromStdin() throws Exception {
        FakePowerShell ps = new FakePowerShell(scenario.state());
        NetworkPlan plan = plan();
        PlanExecutor.Outcome outcome = PlanExecutor.apply(ps, plan);
        assertTrue(outcome.succeeded() && outcome.executed(), outcome.toString());
        assertEquals(1, ps.sessions().size());
        FakePowerShell.Session s = ps.sessions().get(0);
        assertEquals(List.of("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "-NoProfile",
                "-NonInteractive", "-ExecutionPolicy", "Bypass", "-Command", "-"), s.command());
        assertEquals(PowerShellScript.of(plan.changes()), s.script());
        assertEquals(PlanExecutor.APPLY_TIMEOUT, s.timeout());
        assertTrue(s.script().contains("Invoke-NovaStep 3 { New-NetRoute -InterfaceIndex 12 -DestinationPrefix '0.0.0.0/0'"
                + " -NextHop '104.130.4.1' -RouteMetric 2 }"), s.script());
    }

    @Test
    void aFailedStepIsUndoneNewestFirstAndTheAdaptersAreAsBefore() throws Exception {
        NetworkPlan plan = plan();
        FakePowerShell ps = new FakePowerShell(scenario.state()).failSession(1, 8);
        PlanExecutor.Outcome outcome = PlanExecutor.apply(ps, plan);
        assertFalse(outcome.succeeded());
        String why = outcome.failure().orElseThrow();
        assertTrue(why.startsWith("if14: add route 10.208.0.0/12 via 10.208.224.1 metric 10: Instance MSFT_NetIPAddress"
                + " already exists.; previous state restored (7 steps undone)"), why);
        assertEquals(2, ps.sessions().size());
        List<Change> applied = plan.changes().subList(0, 7);
        List<Change> undo = new ArrayList<>();
        for (int i = applied.size() - 1; i >= 0; i--) {
            undo.add(applied.get(i).inverse());
        }
        assertEquals(PowerShellScript.of(undo), ps.sessions().get(1).script());
        String restore = ps.sessions().get(1).script();
        assertTrue(restore.contains("Invoke-NovaStep 1 { Remove-NetIPAddress -Confirm:$false -InterfaceIndex 14"
                + " -IPAddress '10.208.227.239' -PrefixLength 19 }\r\nInvoke-NovaStep 2 { Set-NetIPInterface -InterfaceIndex 14"
                + " -AddressFamily IPv4 -Dhcp Enabled }\r\nInvoke-NovaStep 3 { Get-NetAdapter -InterfaceIndex 12 |"
                + " Rename-NetAdapter -NewName 'Ethernet' }"), restore);
        HostState roundTrip = StateSimulator.apply(StateSimulator.apply(scenario.state(), applied), undo);
        assertEquals(scenario.state(), roundTrip, "the undo restores every adapter as it was");
    }

    @Test
    void aRemovedStaleRouteIsPutBackInThePersistentStoreByTheUndo() throws Exception {
        WindowsScenarios.WindowsScenario detach = WindowsScenarios.windows("cloud-network-detach");
        HostState.PersistentRoute second = new HostState.PersistentRoute(16,
                new org.novaagent.network.Route("172.17.0.0", 16, "192.168.3.1", false), Change.ROUTE_METRIC);
        List<HostState.PersistentRoute> routes = new ArrayList<>(detach.state().persistentRoutes());
        routes.add(second);
        HostState state = new HostState(detach.state().computerName(), detach.state().adapters(),
                detach.state().interfaces(), routes);
        NetworkPlan plan = ResetNetworkCommandHandler.plan(detach.view(), state);
        assertEquals(2, plan.changes().size(), plan.describe());
        FakePowerShell ps = new FakePowerShell(state).failSession(1, 2);
        String why = PlanExecutor.apply(ps, plan).failure().orElseThrow();
        assertTrue(why.startsWith("if16: remove persistent route 172.17.0.0/16 via 192.168.3.1 metric 10 (the adapter is"
                + " gone): Instance MSFT_NetIPAddress already exists.; previous state restored (1 steps undone)"), why);
        Change undo = plan.changes().get(0).inverse();
        assertEquals(PowerShellScript.of(List.of(undo)), ps.sessions().get(1).script());
        assertTrue(undo.statement().equals("New-NetRoute -PolicyStore PersistentStore -InterfaceIndex 16 -DestinationPrefix"
                + " '172.16.0.0/16' -NextHop '192.168.3.1' -RouteMetric 10"), undo.statement());
        HostState roundTrip = StateSimulator.apply(StateSimulator.apply(state, plan.changes().subList(0, 1)), List.of(undo));
        assertEquals(java.util.Set.copyOf(state.persistentRoutes()), java.util.Set.copyOf(roundTrip.persistentRoutes()));
    }

    @Test
    void aFailedUndoIsReported() throws Exception {
        FakePowerShell ps = new FakePowerShell(scenario.state()).failSession(1, 3).failSession(2, 1);
        String why = PlanExecutor.apply(ps, plan()).failure().orElseThrow();
        assertTrue(why.contains("restoring the previous state failed after 0 of 2 steps: if12: remove address"
                + " 104.130.4.72/24: Instance"), why);
    }

    @Test
    void theFirstStepFailingNeedsNoUndo() throws Exception {
        FakePowerShell ps = new FakePowerShell(scenario.state()).failSession(1, 1);
        String why = PlanExecutor.apply(ps, plan()).failure().orElseThrow();
        assertTrue(why.endsWith("; nothing had been changed"), why);
        assertEquals(1, ps.sessions().size());
    }

    @Test
    void anUndoThatCannotBeWrittenIsNamed() throws Exception {
        Change rename = new Change.Rename(12, "public0", "Conexi\u00f3n de \u00e1rea local");
        Change dns = new Change.Dns(12, List.of("69.20.0.164"), List.of());
        NetworkPlan plan = new NetworkPlan(List.of(rename, dns), java.util.Optional.empty(), List.of(), List.of());
        FakePowerShell ps = new FakePowerShell(scenario.state()).failSession(1, 2);
        String why = PlanExecutor.apply(ps, plan).failure().orElseThrow();
        assertTrue(why.endsWith("previous state not restored; cannot be undone: if12: rename to 'public0'"), why);
    }

    @Test
    void anExitCodeWithoutAFailedLineIsAFailureToo() throws Exception {
        ProcessRunner crashing = (command, stdin, timeout) -> new ProcessResult(-1073741510, "ok 1\r\n", "terminated", true);
        String why = PlanExecutor.apply(crashing, plan()).failure().orElseThrow();
        assertTrue(why.startsWith("PowerShell exit -1073741510 after 1 of 10 steps: terminated ok 1"), why);
    }

    @Test
    void powerShellThatDoesNotStartIsAFailureAndNothingElseRuns() throws Exception {
        List<String> calls = new ArrayList<>();
        ProcessRunner missing = (command, stdin, timeout) -> {
            calls.add(command.get(0));
            throw new IOException("Cannot run program: CreateProcess error=2");
        };
        String why = PlanExecutor.apply(missing, plan()).failure().orElseThrow();
        assertEquals("cannot start PowerShell: Cannot run program: CreateProcess error=2", why);
        assertEquals(1, calls.size());
    }

    @Test
    void aRunnerThatOnlyLogsIsNotAFailure() throws Exception {
        PlanExecutor.Outcome outcome = PlanExecutor.apply(new FakePowerShell(scenario.state()).notExecuting(), plan());
        assertTrue(outcome.succeeded());
        assertFalse(outcome.executed());
    }
}
