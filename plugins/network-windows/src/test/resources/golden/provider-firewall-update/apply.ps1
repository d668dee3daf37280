#Requires -RunAsAdministrator
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$global:NovaFailed = $false
function Invoke-NovaStep([int]$n, [scriptblock]$action) { if ($global:NovaFailed) { return }; try { $null = & $action; [Console]::Out.WriteLine('ok ' + $n) } catch { $global:NovaFailed = $true; [Console]::Out.WriteLine('failed ' + $n + ' ' + ($_.Exception.Message -replace '[\r\n]+', ' ')); [Console]::Out.Flush(); exit 1 } }
Invoke-NovaStep 1 { Set-NetFirewallRule -DisplayName 'RS_FIREWALL_RULE' -RemoteAddress @('10.1.0.0/16','192.0.2.1') }
if ($global:NovaFailed) { exit 1 } else { exit 0 }
