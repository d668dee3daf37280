#Requires -RunAsAdministrator
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$global:NovaFailed = $false
function Invoke-NovaStep([int]$n, [scriptblock]$action) { if ($global:NovaFailed) { return }; try { $null = & $action; [Console]::Out.WriteLine('ok ' + $n) } catch { $global:NovaFailed = $true; [Console]::Out.WriteLine('failed ' + $n + ' ' + ($_.Exception.Message -replace '[\r\n]+', ' ')); [Console]::Out.Flush(); exit 1 } }
Invoke-NovaStep 1 { Set-NetIPInterface -InterfaceIndex 10 -AddressFamily IPv4 -Dhcp Disabled }
Invoke-NovaStep 2 { New-NetIPAddress -InterfaceIndex 10 -IPAddress '104.130.4.72' -PrefixLength 24 }
Invoke-NovaStep 3 { New-NetIPAddress -InterfaceIndex 10 -IPAddress '2001:4802:7802:104:be76:4eff:fe20:7572' -PrefixLength 64 }
Invoke-NovaStep 4 { New-NetRoute -InterfaceIndex 10 -DestinationPrefix '0.0.0.0/0' -NextHop '104.130.4.1' -RouteMetric 2 }
Invoke-NovaStep 5 { New-NetRoute -InterfaceIndex 10 -DestinationPrefix '::/0' -NextHop 'fe80::def' -RouteMetric 2 }
Invoke-NovaStep 6 { Set-DnsClientServerAddress -InterfaceIndex 10 -ServerAddresses @('69.20.0.164','69.20.0.196') }
Invoke-NovaStep 7 { Get-NetAdapter -InterfaceIndex 10 | Rename-NetAdapter -NewName 'public0' }
if ($global:NovaFailed) { exit 1 } else { exit 0 }
