/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.CommandResult;
import org.novaagent.api.ProcessResult;
import org.novaagent.network.NetworkBackend;
import org.novaagent.network.ResetNetworkFlow;
import org.novaagent.testkit.MapXenStoreView;
import org.novaagent.testkit.TestCommandContext;
import org.novaagent.testkit.TestHostFacts;
import org.novaagent.testkit.TestRequests;

/**
 * The handler end to end over the recording PowerShell: query, plan, apply, reply. IPv6 disabled on
 * the public adapter is a success whose reply names what was skipped; a failure answers "1" (never
 * "500", which nova takes as success for resetnetwork); a computer rename says a restart is needed and
 * restarts only when configured.
 */
class ResetNetworkCommandHandlerTests {

    @TempDir
    Path root;

    private final List<String> renamed = new java.util.ArrayList<>();
    private final ResetNetworkCommandHandler handler = new ResetNetworkCommandHandler(renamed::add);
    private final WindowsScenarios.WindowsScenario ipv6Off = WindowsScenarios.windows("ipv6-disabled-public");

    private TestCommandContext context(FakePowerShell ps, Map<String, String> xenstore) {
        return TestCommandContext.builder(root).hostFacts(TestHostFacts::windows).processes(ps).live(true)
                .xenStore(new MapXenStoreView(xenstore)).build();
    }

    private CommandResult run(TestCommandContext ctx) throws Exception {
        return handler.handle(TestRequests.string("resetnetwork", ""), ctx);
    }

    @Test
    void windowsOnlyWithTheSharedHandlerContract() {
        assertTrue(handler.applicability(TestHostFacts.windows(root)).applicable());
        assertEquals("configures Windows adapters; this host's family is DEBIAN",
                handler.applicability(TestHostFacts.debian(root)).reason());
        assertEquals("resetnetwork", handler.name());
        assertEquals(NetworkBackend.WINDOWS.priority(), handler.priority());
        assertEquals(ResetNetworkFlow.REQUEST_TIMEOUT, handler.timeout().orElseThrow());
        assertTrue(handler.supportsDryRun());
        assertEquals("overrides", handler.checkHealth(TestCommandContext.of(root)).get(0).topic());
    }

    @Test
    void ipv6DisabledOnThePublicAdapterIsNotAFailureAndTheReplyNamesIt() throws Exception {
        FakePowerShell ps = new FakePowerShell(ipv6Off.state());
        CommandResult r = run(context(ps, ipv6Off.xenstore()));
        assertEquals("0", r.returnCode(), r.message());
        assertEquals("IPv6 is disabled on the public adapter (MAC bc:76:4e:20:75:72): not configured:"
                + " 2001:4802:7802:104:be76:4eff:fe20:7572/64, gateway fe80::def, DNS 2001:4800:d::1;"
                + " computer name set to 'web01'; Windows applies it at the next restart (the agent does not restart"
                + " the guest unless network.windows.reboot-after-rename = true)", r.message());
        assertEquals(2, ps.sessions().size(), "one query, one apply session, no shutdown.exe");
        assertEquals(List.of("web01"), renamed, "SetComputerNameExW, after the adapters");
        assertFalse(ps.sessions().get(1).script().contains("Rename-Computer"));
        String script = ps.sessions().get(1).script();
        assertTrue(script.contains("New-NetIPAddress -InterfaceIndex 12 -IPAddress '104.130.4.72' -PrefixLength 24"), script);
        assertFalse(script.contains("2001:4802"), "nothing IPv6 is sent to the adapter without IPv6:\n" + script);
    }

    @Test
    void aValueStartingWithNohostnameConfiguresTheAdaptersAndKeepsTheComputerName() throws Exception {
        FakePowerShell ps = new FakePowerShell(ipv6Off.state());
        CommandResult r = handler.handle(TestRequests.string("resetnetwork", "nohostname-please"), context(ps, ipv6Off.xenstore()));
        assertEquals("0", r.returnCode(), r.message());
        assertTrue(r.message().endsWith("; computer name not changed to 'web01': the request's value starts with"
                + " 'nohostname'"), r.message());
        assertEquals(2, ps.sessions().size(), "the query and the adapters' session");
        assertTrue(renamed.isEmpty(), "SetComputerNameExW is not called");
        CommandResult other = handler.handle(TestRequests.string("resetnetwork", "NoHostname"),
                context(new FakePowerShell(ipv6Off.state()), ipv6Off.xenstore()));
        assertEquals("0", other.returnCode(), other.message());
        assertEquals(List.of("web01"), renamed, "the prefix is matched exactly, as the spec writes it");
    }

    @Test
    void aRepeatAppliesNothing() throws Exception {
        NetworkPlan plan = ResetNetworkCommandHandler.plan(ipv6Off.view(), ipv6Off.state());
        FakePowerShell ps = new FakePowerShell(StateSimulator.apply(ipv6Off.state(), plan));
        CommandResult r = run(context(ps, ipv6Off.xenstore()));
        assertEquals("0", r.returnCode(), r.message());
        assertTrue(r.message().startsWith("IPv6 is disabled on the public adapter"), r.message());
        assertEquals(1, ps.sessions().size(), "only the query");
        assertTrue(renamed.isEmpty(), "the name is already web01");
    }

    @Test
    void aFailureAnswersOneAndSaysWhatWasRestored() throws Exception {
        FakePowerShell ps = new FakePowerShell(ipv6Off.state()).failSession(1, 2);
        CommandResult r = run(context(ps, ipv6Off.xenstore()));
        assertEquals("1", r.returnCode());
        assertEquals("resetnetwork failed: if12: add address 104.130.4.72/24: Instance MSFT_NetIPAddress already exists.;"
                + " previous state restored (1 steps undone)", r.message());
        assertTrue(renamed.isEmpty(), "no rename after a failed apply");
    }

    @Test
    void theRestartHappensOnlyWhenConfigured() throws Exception {
        FakePowerShell ps = new FakePowerShell(ipv6Off.state());
        TestCommandContext ctx = context(ps, ipv6Off.xenstore());
        ctx.putSetting(ComputerRename.REBOOT_SETTING, "true");
        CommandResult r = run(ctx);
        assertEquals("0", r.returnCode(), r.message());
        assertTrue(r.message().endsWith("computer name set to 'web01'; Windows applies it at the next restart,"
                + " restarting in 30 s (network.windows.reboot-after-rename)"), r.message());
        assertEquals(List.of("C:\\Windows\\System32\\shutdown.exe", "/r", "/t", "30", "/d", "p:2:4", "/c",
                "nova-agent: computer renamed"), ps.sessions().get(2).command());
    }

    @Test
    void badDataAnswersOneAndChangesNothing() throws Exception {
        Map<String, String> xs = new HashMap<>(ipv6Off.xenstore());
        xs.put("vm-data/networking/BC764E207572", "{\"label\": \"public\", \"mac\": \"BC:76:4E:20:75:72\","
                + " \"ips\": [{\"ip\": \"104.130.4.300\", \"netmask\": \"255.255.255.0\"}]}");
        FakePowerShell ps = new FakePowerShell(ipv6Off.state());
        CommandResult r = run(context(ps, xs));
        assertEquals("1", r.returnCode());
        assertTrue(r.message().startsWith("vm-data/networking/BC764E207572: field 'ips[0].ip'"), r.message());
        assertTrue(ps.applySessions().isEmpty());
    }

    @Test
    void noAdapterWithTheHostsMacAnswersOne() throws Exception {
        FakePowerShell ps = new FakePowerShell(WindowsScenarios.windows("vpn-tap").state());
        Map<String, String> xs = Map.of("vm-data/networking/BC764E209999", "{\"label\": \"public\", \"mac\":"
                + " \"BC:76:4E:20:99:99\", \"ips\": [{\"ip\": \"10.0.0.2\", \"netmask\": \"255.255.255.0\"}]}");
        CommandResult r = run(context(ps, xs));
        assertEquals("1", r.returnCode());
        assertTrue(r.message().startsWith("no vm-data/networking entry matches a local NIC"), r.message());
    }

    @Test
    void aRootThatIsNotTheLiveSystemCannotBeConfigured() throws Exception {
        FakePowerShell ps = new FakePowerShell(ipv6Off.state()).notExecuting();
        CommandResult r = run(context(ps, ipv6Off.xenstore()));
        assertEquals("1", r.returnCode());
        assertEquals("the adapters cannot be read: the target root is not the live system (the PowerShell query was"
                + " only logged); nothing configured", r.message());
    }

    @Test
    void aFailedQueryAnswersOne() throws Exception {
        TestCommandContext ctx = TestCommandContext.builder(root).hostFacts(TestHostFacts::windows)
                .processes((command, stdin, timeout) -> new ProcessResult(1, "", "Get-NetAdapter : Access is denied.", true))
                .xenStore(ipv6Off.view()).build();
        CommandResult r = run(ctx);
        assertEquals("1", r.returnCode());
        assertEquals("reading the adapters failed (PowerShell exit 1): Get-NetAdapter : Access is denied.", r.message());
    }

    @Test
    void aDryRunShowsThePlanAndTheScriptAndOnlyQueries() throws Exception {
        FakePowerShell ps = new FakePowerShell(ipv6Off.state()).dryRunOnLiveSystem();
        TestCommandContext ctx = context(ps, ipv6Off.xenstore()).dryRun(true);
        CommandResult r = run(ctx);
        assertEquals("0", r.returnCode());
        assertTrue(r.message().startsWith("if12: IPv4 DHCP off\nif12: add address 104.130.4.72/24\n"), r.message());
        assertTrue(r.message().contains("computer name web01 (SetComputerNameExW; Windows applies it at the next restart)\n"),
                r.message());
        assertTrue(r.message().contains("Invoke-NovaStep 10 { Get-NetAdapter -InterfaceIndex 14 | Rename-NetAdapter"), r.message());
        assertEquals(1, ps.sessions().size());
        assertTrue(ps.sessions().get(0).readOnly(), "the query is the one read-only session");
        assertEquals(AdapterQuery.SCRIPT, ps.sessions().get(0).script());
        assertTrue(renamed.isEmpty());
    }

    @Test
    void onlyTheFixedQueryIsMarkedReadOnly() throws Exception {
        FakePowerShell ps = new FakePowerShell(ipv6Off.state());
        TestCommandContext ctx = context(ps, ipv6Off.xenstore());
        ctx.putSetting(ComputerRename.REBOOT_SETTING, "true");
        assertEquals("0", run(ctx).returnCode());
        assertEquals(List.of(true, false, false), ps.sessions().stream().map(FakePowerShell.Session::readOnly).toList(),
                "query, apply session, shutdown.exe");
        FakePowerShell failing = new FakePowerShell(ipv6Off.state()).failSession(1, 3);
        assertEquals("1", run(context(failing, ipv6Off.xenstore())).returnCode());
        assertEquals(List.of(true, false, false), failing.sessions().stream().map(FakePowerShell.Session::readOnly).toList(),
                "query, apply session, undo session");
    }

    @Test
    void aRefusedComputerNameAnswersOneAfterTheAdaptersWereConfigured() throws Exception {
        ResetNetworkCommandHandler refusing = new ResetNetworkCommandHandler(name -> {
            throw new org.novaagent.plugin.network.windows.internal.nativeapi.ComputerNameException(
                    "SetComputerNameExW failed: Win32 error 1210");
        });
        FakePowerShell ps = new FakePowerShell(ipv6Off.state());
        CommandResult r = refusing.handle(TestRequests.string("resetnetwork", ""), context(ps, ipv6Off.xenstore()));
        assertEquals("1", r.returnCode());
        assertEquals("the adapters are configured, but the computer could not be renamed to 'web01':"
                + " SetComputerNameExW failed: Win32 error 1210", r.message());
        assertEquals(1, ps.applySessions().size());
    }

    @Test
    void onARootThatIsNotLiveTheComputerIsNeverRenamed() throws Exception {
        WindowsScenarios.WindowsScenario done = WindowsScenarios.windows("cloud-network-detach");
        Map<String, String> xs = new HashMap<>(done.xenstore());
        xs.put("vm-data/hostname", "web02");
        FakePowerShell ps = new FakePowerShell(done.state());
        TestCommandContext ctx = TestCommandContext.builder(root).hostFacts(TestHostFacts::windows).processes(ps)
                .xenStore(new MapXenStoreView(xs)).build();
        CommandResult r = run(ctx);
        assertEquals("0", r.returnCode(), r.message());
        assertEquals("computer name 'web02' not set: the target root is not the live system", r.message());
        assertTrue(renamed.isEmpty());
    }

    @Test
    void aDryRunWhoseQueryIsNotRunSaysSoAndSucceeds() throws Exception {
        FakePowerShell ps = new FakePowerShell(ipv6Off.state()).notExecuting();
        CommandResult r = run(context(ps, ipv6Off.xenstore()).dryRun(true));
        assertEquals("0", r.returnCode());
        assertEquals(ResetNetworkCommandHandler.DRY_RUN_UNREAD, r.message());
        assertTrue(renamed.isEmpty());
    }
}
