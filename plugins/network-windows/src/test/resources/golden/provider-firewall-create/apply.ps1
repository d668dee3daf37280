#Requires -RunAsAdministrator
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$global:NovaFailed = $false
function Invoke-NovaStep([int]$n, [scriptblock]$action) { if ($global:NovaFailed) { return }; try { $null = & $action; [Console]::Out.WriteLine('ok ' + $n) } catch { $global:NovaFailed = $true; [Console]::Out.WriteLine('failed ' + $n + ' ' + ($_.Exception.Message -replace '[\r\n]+', ' ')); [Console]::Out.Flush(); exit 1 } }
Invoke-NovaStep 1 { New-NetFirewallRule -DisplayName 'RS_FIREWALL_RULE' -Direction Inbound -Action Allow -Protocol TCP -LocalPort 445 -RemoteAddress @('198.51.100.7','2001:db8::/32','203.0.113.0/24') }
if ($global:NovaFailed) { exit 1 } else { exit 0 }
