@echo off
rem nova-agent launcher for Windows: runtime and libraries in lib\, the Windows plugin set in modules\,
rem drop-in plugins in plugins\. Needs a Java 17+ runtime in JAVA_HOME or on PATH (install.ps1 checks).
rem Configuration: %ProgramData%\nova-agent\agent.conf; "service install" registers java.exe itself
rem as the service binary (the service control manager cannot run this script), using nova.home.
setlocal
for %%I in ("%~dp0..") do set "NOVA_HOME=%%~fI"
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java"
"%JAVA_EXE%" -Dnovaagent.command=nova-agent -Xms2m -Xmx32m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:-UsePerfData -XX:ReservedCodeCacheSize=16m -XX:MaxMetaspaceSize=48m -Xshare:auto "-Dnova.home=%NOVA_HOME%" --module-path "%NOVA_HOME%\lib;%NOVA_HOME%\modules" --add-modules ALL-MODULE-PATH -m org.novaagent.runtime/org.novaagent.runtime.cli.Main %*
