#Requires -RunAsAdministrator
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$global:NovaFailed = $false
function Invoke-NovaStep([int]$n, [scriptblock]$action) { if ($global:NovaFailed) { return }; try { $null = & $action; [Console]::Out.WriteLine('ok ' + $n) } catch { $global:NovaFailed = $true; [Console]::Out.WriteLine('failed ' + $n + ' ' + ($_.Exception.Message -replace '[\r\n]+', ' ')); [Console]::Out.Flush(); exit 1 } }
Invoke-NovaStep 1 { Remove-NetRoute -Confirm:$false -PolicyStore PersistentStore -InterfaceIndex 16 -DestinationPrefix '172.16.0.0/16' -NextHop '192.168.3.1' }
if ($global:NovaFailed) { exit 1 } else { exit 0 }
