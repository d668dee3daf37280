#Requires -RunAsAdministrator
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$global:NovaFailed = $false
function Invoke-NovaStep([int]$n, [scriptblock]$action) { if ($global:NovaFailed) { return }; try { $null = & $action; [Console]::Out.WriteLine('ok ' + $n) } catch { $global:NovaFailed = $true; [Console]::Out.WriteLine('failed ' + $n + ' ' + ($_.Exception.Message -replace '[\r\n]+', ' ')); [Console]::Out.Flush(); exit 1 } }
Invoke-NovaStep 1 { Set-NetIPInterface -InterfaceIndex 16 -AddressFamily IPv4 -Dhcp Disabled }
Invoke-NovaStep 2 { New-NetIPAddress -InterfaceIndex 16 -IPAddress '192.168.3.10' -PrefixLength 24 }
Invoke-NovaStep 3 { New-NetRoute -InterfaceIndex 16 -DestinationPrefix '172.16.0.0/16' -NextHop '192.168.3.1' -RouteMetric 10 }
Invoke-NovaStep 4 { Get-NetAdapter -InterfaceIndex 16 | Rename-NetAdapter -NewName 'rc-net0' }
if ($global:NovaFailed) { exit 1 } else { exit 0 }
