@echo off
rem nova-agent launcher for Windows: runtime and libraries in lib\, the Windows plugin set in modules\,
rem drop-in plugins in plugins\. Needs a Java 17+ runtime on PATH or in JAVA_HOME.
setlocal
set "NOVA_HOME=%~dp0.."
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java"
"%JAVA_EXE%" -Dnovaagent.command=nova-agent -Xmx32m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 --module-path "%NOVA_HOME%\lib;%NOVA_HOME%\modules" --add-modules ALL-MODULE-PATH -m org.novaagent.runtime/org.novaagent.runtime.cli.Main %*
