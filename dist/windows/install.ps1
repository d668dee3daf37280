#Requires -RunAsAdministrator
<#
.SYNOPSIS
  Installs, upgrades or removes nova-agent on a Windows guest (run from the unpacked zip).
.DESCRIPTION
  Install: checks for a Java 17+ runtime, copies the agent to %ProgramFiles%\nova-agent, keeps or
  creates %ProgramData%\nova-agent\agent.conf, locks both directories down to Administrators and
  SYSTEM (Users may read and run the program files), replaces the old Rackspace agent's services,
  registers the nova-agent service ("nova-agent service install", which also makes its class archive
  %ProgramData%\nova-agent\classes.jsa for this Java: a faster start) and starts it. After a Java update,
  stop the service and run "nova-agent service refresh-class-archive".
  Uninstall: removes the service and %ProgramFiles%\nova-agent; %ProgramData%\nova-agent too unless -KeepData.
.EXAMPLE
  powershell -ExecutionPolicy Bypass -File .\install.ps1
  powershell -ExecutionPolicy Bypass -File .\install.ps1 -Uninstall
#>
[CmdletBinding()]
param(
  [switch]$Uninstall,
  [switch]$KeepData,
  [string]$JavaHome
)
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$InstallDir = Join-Path $env:ProgramFiles 'nova-agent'
$DataDir = Join-Path $env:ProgramData 'nova-agent'
$Launcher = Join-Path $InstallDir 'bin\nova-agent.cmd'
$OldAgentDir = Join-Path $env:ProgramFiles 'Rackspace\Cloud Servers'
$OldServices = @('RackspaceCloudServersAgent', 'RackspaceCloudServersAgentUpdater')
# Well-known SIDs, so the ACLs are right on every display language.
$Admins = '*S-1-5-32-544'; $System = '*S-1-5-18'; $Users = '*S-1-5-32-545'

function Invoke-Checked([string]$What, [scriptblock]$Command) {
  & $Command
  if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

# Java 17 or later: Eclipse Temurin, Microsoft Build of OpenJDK or Amazon Corretto (17 or 21), for example
#   winget install EclipseAdoptium.Temurin.21.JRE   or   winget install Microsoft.OpenJDK.21
function Find-Java {
  $candidates = @()
  if ($JavaHome) { $candidates += Join-Path $JavaHome 'bin\java.exe' }
  if ($env:JAVA_HOME) { $candidates += Join-Path $env:JAVA_HOME 'bin\java.exe' }
  $onPath = Get-Command java.exe -ErrorAction SilentlyContinue
  if ($onPath) { $candidates += $onPath.Source }
  foreach ($java in $candidates) {
    if (-not (Test-Path $java)) { continue }
    $version = (& $java -version 2>&1 | Out-String)
    if ($version -match 'version "(\d+)') {
      if ([int]$Matches[1] -ge 17) { return (Split-Path (Split-Path $java)) }
      Write-Warning "$java is Java $($Matches[1]); nova-agent needs 17 or later"
    }
  }
  throw 'No Java 17+ runtime found. Install one (winget install EclipseAdoptium.Temurin.21.JRE), or pass -JavaHome.'
}

function Remove-OldAgent {
  foreach ($name in $OldServices) {
    $svc = Get-Service -Name $name -ErrorAction SilentlyContinue
    if ($svc) {
      Write-Host "Replacing the old agent: stopping and removing service $name"
      if ($svc.Status -ne 'Stopped') { Stop-Service -Name $name -Force }
      Invoke-Checked "sc.exe delete $name" { sc.exe delete $name | Out-Null }
    }
  }
  if (Test-Path $OldAgentDir) {
    Write-Host "The old agent's files stay in $OldAgentDir (its services are gone); delete them when satisfied."
    $config = Join-Path $OldAgentDir 'Agent\Rackspace.Cloud.Server.Agent.Service.exe.config'
    if ((Test-Path $config) -and (Select-String -Path $config -Pattern '_pre"|_post"' -Quiet)) {
      Write-Warning 'The old agent had <command>_pre/_post hooks in its app.config; nova-agent does not run them.'
    }
  }
}

function Install-Agent {
  $env:JAVA_HOME = Find-Java
  Write-Host "Java: $env:JAVA_HOME"
  if (Get-Service -Name 'nova-agent' -ErrorAction SilentlyContinue) {
    Write-Host 'Upgrading: stopping and removing the installed nova-agent service'
    Invoke-Checked 'nova-agent service uninstall' { & $Launcher service uninstall }
  }
  New-Item -ItemType Directory -Force -Path $InstallDir, "$InstallDir\plugins", $DataDir, "$DataDir\logs" | Out-Null
  foreach ($dir in 'bin', 'lib', 'modules', 'training') {
    $target = Join-Path $InstallDir $dir
    if (Test-Path $target) { Remove-Item -Recurse -Force $target }
    Copy-Item -Recurse -Path (Join-Path $PSScriptRoot $dir) -Destination $target
  }
  Copy-Item -Force -Path (Join-Path $PSScriptRoot 'README.md') -Destination $InstallDir
  if (-not (Test-Path "$DataDir\agent.conf")) { Copy-Item -Path (Join-Path $PSScriptRoot 'conf\agent.conf') -Destination $DataDir }
  # The agent refuses a plugins directory that Users, Authenticated Users or Everyone may change.
  Invoke-Checked 'icacls (program files)' { icacls $InstallDir /setowner $Admins /T /C /Q | Out-Null }
  Invoke-Checked 'icacls (program files)' { icacls $InstallDir /inheritance:r /grant:r "${Admins}:(OI)(CI)F" "${System}:(OI)(CI)F" "${Users}:(OI)(CI)RX" /T /C /Q | Out-Null }
  Invoke-Checked 'icacls (data)' { icacls $DataDir /setowner $Admins /T /C /Q | Out-Null }
  Invoke-Checked 'icacls (data)' { icacls $DataDir /inheritance:r /grant:r "${Admins}:(OI)(CI)F" "${System}:(OI)(CI)F" /T /C /Q | Out-Null }
  Remove-OldAgent
  Invoke-Checked 'nova-agent service install' { & $Launcher service install }
  Invoke-Checked 'nova-agent service start' { & $Launcher service start }
  Write-Host "nova-agent installed in $InstallDir; configuration and logs in $DataDir"
}

function Uninstall-Agent {
  if (Get-Service -Name 'nova-agent' -ErrorAction SilentlyContinue) {
    Invoke-Checked 'nova-agent service uninstall' { & $Launcher service uninstall }
  }
  if (Test-Path $InstallDir) { Remove-Item -Recurse -Force $InstallDir }
  if (-not $KeepData -and (Test-Path $DataDir)) { Remove-Item -Recurse -Force $DataDir }
  Write-Host 'nova-agent removed'
}

if ($Uninstall) { Uninstall-Agent } else { Install-Agent }
