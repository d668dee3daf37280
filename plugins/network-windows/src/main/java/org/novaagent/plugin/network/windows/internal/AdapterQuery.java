/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.novaagent.api.ProcessResult;
import org.novaagent.api.ProcessRunner;

/**
 * Reads the adapters' current state with one read-only PowerShell session
 * ({@link org.novaagent.api.ProcessRunner#runReadOnly}, so a dry run on the live system reads it too):
 * a fixed script (no host input in it) that prints one {@code |}-separated record per line ({@link AdapterStateParser} has
 * the format), every free-text field stripped of control characters and {@code |}.
 */
final class AdapterQuery {

    /** The query never changes anything; a minute is plenty even on a cold CIM provider. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    static final String SCRIPT = PowerShell.PROLOGUE
            + "function Clean([object]$s) { return ([string]$s -replace '[\\x00-\\x1f\\x7f|]', ' ') }\r\n"
            + "function Out([string]$line) { [Console]::Out.WriteLine($line) }\r\n"
            + "Out ('HOST|' + (Clean $env:COMPUTERNAME))\r\n"
            + "$bindings = @(Get-NetAdapterBinding -ComponentID ms_tcpip,ms_tcpip6 -ErrorAction SilentlyContinue)\r\n"
            + "foreach ($a in @(Get-NetAdapter)) { $i = $a.ifIndex;"
            + " $b4 = @($bindings | Where-Object { $_.Name -eq $a.Name -and $_.ComponentID -eq 'ms_tcpip' -and $_.Enabled }).Count -gt 0;"
            + " $b6 = @($bindings | Where-Object { $_.Name -eq $a.Name -and $_.ComponentID -eq 'ms_tcpip6' -and $_.Enabled }).Count -gt 0;"
            + " $ip4 = Get-NetIPInterface -InterfaceIndex $i -AddressFamily IPv4 -ErrorAction SilentlyContinue;"
            + " $d4 = ($null -ne $ip4) -and ([string]$ip4.Dhcp -eq 'Enabled');"
            + " $up = [string]$a.AdminStatus -eq 'Up';"
            + " Out ('A|' + $i + '|' + (Clean $a.MacAddress) + '|' + $a.ifType + '|' + $b4 + '|' + $b6 + '|' + $d4 + '|' + $up + '|'"
            + " + (Clean $a.ComponentID) + '|' + (Clean $a.InterfaceDescription) + '|' + (Clean $a.Name)) }\r\n"
            + "foreach ($p in @(Get-NetIPAddress -ErrorAction SilentlyContinue | Where-Object { [string]$_.PrefixOrigin -in 'Manual','Dhcp' }))"
            + " { Out ('IP|' + $p.InterfaceIndex + '|' + (Clean $p.IPAddress) + '|' + $p.PrefixLength) }\r\n"
            + "foreach ($r in @(Get-NetRoute -DestinationPrefix '0.0.0.0/0','::/0' -ErrorAction SilentlyContinue))"
            + " { Out ('GW|' + $r.InterfaceIndex + '|' + (Clean $r.NextHop)) }\r\n"
            + "foreach ($d in @(Get-DnsClientServerAddress -ErrorAction SilentlyContinue))"
            + " { foreach ($s in @($d.ServerAddresses)) { Out ('DNS|' + $d.InterfaceIndex + '|' + (Clean $s)) } }\r\n"
            + "foreach ($n in @(Get-NetIPInterface -ErrorAction SilentlyContinue | ForEach-Object { $_.InterfaceIndex }"
            + " | Sort-Object -Unique)) { Out ('IF|' + $n) }\r\n"
            + "foreach ($r in @(Get-NetRoute -PolicyStore PersistentStore -ErrorAction SilentlyContinue))"
            + " { Out ('RT|' + $r.InterfaceIndex + '|' + (Clean $r.DestinationPrefix) + '|' + (Clean $r.NextHop)"
            + " + '|' + $r.RouteMetric) }\r\n"
            + "foreach ($f in @(Get-NetFirewallRule -DisplayName 'RS_FIREWALL_RULE' -ErrorAction SilentlyContinue"
            + " | Get-NetFirewallAddressFilter)) { Out ('FW|' + ((@($f.RemoteAddress) | ForEach-Object { Clean $_ }) -join ',')) }\r\n"
            + "exit 0\r\n";

    private AdapterQuery() {
    }

    /**
     * @param runner the context's runner
     * @return the state, or empty when the runner did not execute the query (a root that is not the live system;
     *         a dry run executes it on the live system only, as a read-only query)
     * @throws IOException          PowerShell could not be started, failed, or reported no adapter
     * @throws InterruptedException the request was cancelled
     */
    static Optional<HostState> read(ProcessRunner runner) throws IOException, InterruptedException {
        // the one read-only session: a dry run on the live system executes it (agent-tests' ArchitectureTests
        // allow runReadOnly only in *Query classes, which never call run)
        ProcessResult r = runner.runReadOnly(PowerShell.COMMAND, PowerShell.ascii(SCRIPT), TIMEOUT);
        if (!r.executed()) {
            return Optional.empty();
        }
        if (!r.succeeded()) {
            throw new IOException("reading the adapters failed (PowerShell exit " + r.exitCode() + "): "
                    + AdapterStateParser.clip((r.stderr().strip() + " " + r.stdout().strip()).strip()));
        }
        return Optional.of(AdapterStateParser.parse(r.stdout()));
    }
}
