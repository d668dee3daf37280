#Requires -RunAsAdministrator
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$global:NovaFailed = $false
function Invoke-NovaStep([int]$n, [scriptblock]$action) { if ($global:NovaFailed) { return }; try { $null = & $action; [Console]::Out.WriteLine('ok ' + $n) } catch { $global:NovaFailed = $true; [Console]::Out.WriteLine('failed ' + $n + ' ' + ($_.Exception.Message -replace '[\r\n]+', ' ')); [Console]::Out.Flush(); exit 1 } }
Invoke-NovaStep 1 { Set-NetIPInterface -InterfaceIndex 12 -AddressFamily IPv4 -Dhcp Disabled }
Invoke-NovaStep 2 { New-NetIPAddress -InterfaceIndex 12 -IPAddress '104.130.4.72' -PrefixLength 24 }
Invoke-NovaStep 3 { New-NetIPAddress -InterfaceIndex 12 -IPAddress '2001:4802:7802:104:be76:4eff:fe20:7572' -PrefixLength 64 }
Invoke-NovaStep 4 { New-NetRoute -InterfaceIndex 12 -DestinationPrefix '0.0.0.0/0' -NextHop '104.130.4.1' -RouteMetric 2 }
Invoke-NovaStep 5 { New-NetRoute -InterfaceIndex 12 -DestinationPrefix '::/0' -NextHop 'fe80::def' -RouteMetric 2 }
Invoke-NovaStep 6 { Set-DnsClientServerAddress -InterfaceIndex 12 -ServerAddresses @('69.20.0.164','69.20.0.196') }
Invoke-NovaStep 7 { Get-NetAdapter -InterfaceIndex 12 | Rename-NetAdapter -NewName 'public0' }
Invoke-NovaStep 8 { Get-NetAdapter -InterfaceIndex 14 | Enable-NetAdapter -Confirm:$false }
Invoke-NovaStep 9 { Set-NetIPInterface -InterfaceIndex 14 -AddressFamily IPv4 -Dhcp Disabled }
Invoke-NovaStep 10 { New-NetIPAddress -InterfaceIndex 14 -IPAddress '10.208.227.239' -PrefixLength 19 }
Invoke-NovaStep 11 { New-NetRoute -InterfaceIndex 14 -DestinationPrefix '10.208.0.0/12' -NextHop '10.208.224.1' -RouteMetric 10 }
Invoke-NovaStep 12 { New-NetRoute -InterfaceIndex 14 -DestinationPrefix '10.176.0.0/12' -NextHop '10.208.224.1' -RouteMetric 10 }
Invoke-NovaStep 13 { Get-NetAdapter -InterfaceIndex 14 | Rename-NetAdapter -NewName 'private0' }
if ($global:NovaFailed) { exit 1 } else { exit 0 }
