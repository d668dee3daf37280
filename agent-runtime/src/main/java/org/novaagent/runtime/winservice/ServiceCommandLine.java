/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.winservice;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.novaagent.runtime.config.AgentPaths;

/**
 * The command line the service control manager starts: {@code java.exe} of the running JVM (the
 * Java 17+ runtime the install script found) with the launcher's lean flags, the install's
 * {@code lib} and {@code modules} on the module path, and {@code service run}. The SCM runs an
 * executable, never a {@code .cmd}, so the launcher script cannot be the service binary.
 *
 * <p>It names the service's class archive ({@code -XX:SharedArchiveFile}, made by {@link ClassArchiveRefresh}
 * at {@code service install} and {@code service refresh-class-archive}) whether it exists yet or not:
 * the JVM ignores a missing archive and one of another Java build ({@code -Xshare:auto}).
 *
 * @param javaExe      {@code <java.home>\bin\java.exe}
 * @param home         the install directory ({@code %ProgramFiles%\nova-agent})
 * @param classArchive the class archive ({@code %ProgramData%\nova-agent\classes.jsa})
 */
public record ServiceCommandLine(Path javaExe, Path home, Path classArchive) {

    /** The agent's main class on the module path, as {@code -m} takes it. */
    static final String MAIN = "org.novaagent.runtime/org.novaagent.runtime.cli.Main";
    /** The service name, also used by the install script and the old agent's migration. */
    public static final String SERVICE_NAME = "nova-agent";
    /** What services.msc shows. */
    public static final String DISPLAY_NAME = "nova-agent (OpenStack guest agent)";
    /** The description line. */
    public static final String DESCRIPTION = "Answers the cloud's XenStore requests: password, network, activation.";
    /** The Xen PV tools services the agent starts after, where they exist (bus and interface drivers, guest agents). */
    public static final List<String> PV_TOOLS_SERVICES = List.of("xenbus", "xeniface", "xenagent", "xensvc");
    /**
     * The launcher's JVM flags (bin\nova-agent.cmd): the memory limits and lean flags of the Linux
     * launcher (issue #14; {@code LauncherFlagsTests} keeps them equal), without its Linux-only
     * idle-wake-up and native-heap-trim flags; the class archive is added by {@link #argv()}.
     */
    public static final List<String> JVM_FLAGS = List.of("-Xms2m", "-Xmx32m", "-Xss256k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:-UsePerfData", "-XX:ReservedCodeCacheSize=16m", "-XX:MaxMetaspaceSize=48m",
            "-Xshare:auto");

    /**
     * @return the running JVM's java.exe and the install directory from {@code nova.home} (set by the launcher)
     * @throws IllegalStateException when {@code nova.home} is not set (not started through the launcher)
     */
    public static ServiceCommandLine forThisJvm() {
        String home = System.getProperty("nova.home");
        if (home == null || home.isBlank()) {
            throw new IllegalStateException("nova.home is not set: run 'service install' through bin\\nova-agent.cmd");
        }
        return forJvm(Path.of(home));
    }

    /** @return the running JVM's java.exe, the given install directory and the class archive in the data directory */
    public static ServiceCommandLine forJvm(Path home) {
        return new ServiceCommandLine(Path.of(System.getProperty("java.home"), "bin", "java.exe"), home,
                classArchive(System.getenv()));
    }

    /** @return {@code %ProgramData%\nova-agent\classes.jsa}: beside agent.conf ({@link AgentPaths#windows}) */
    static Path classArchive(Map<String, String> env) {
        String config = AgentPaths.windows(env).configFile().toString(); // Windows separators whatever JVM builds it
        return Path.of(config.substring(0, config.lastIndexOf('\\') + 1) + "classes.jsa");
    }

    /** @return the arguments, unquoted */
    public List<String> argv() {
        List<String> a = new ArrayList<>();
        a.add(javaExe.toString());
        a.addAll(JVM_FLAGS);
        a.add("-XX:SharedArchiveFile=" + classArchive);
        a.add("-Dnova.home=" + home);
        a.add("--module-path");
        a.add(home + "\\lib;" + home + "\\modules"); // Windows separators whatever JVM builds it
        a.addAll(List.of("--add-modules", "ALL-MODULE-PATH", "-m", MAIN,
                "service", "run"));
        return a;
    }

    /** @return {@link #argv()} as one Windows command line, each argument quoted by the MSVC rules when needed */
    public String commandLine() {
        List<String> quoted = new ArrayList<>();
        for (String arg : argv()) {
            quoted.add(quote(arg));
        }
        return String.join(" ", quoted);
    }

    /** MSVC quoting: wrap in quotes when there is a space, tab or quote; escape quotes and the backslashes before them. */
    static String quote(String arg) {
        if (!arg.isEmpty() && arg.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"')) {
            return arg;
        }
        StringBuilder b = new StringBuilder("\"");
        int backslashes = 0;
        for (char c : arg.toCharArray()) {
            if (c == '\\') {
                backslashes++;
                continue;
            }
            b.append("\\".repeat(c == '"' ? backslashes * 2 + 1 : backslashes)).append(c);
            backslashes = 0;
        }
        return b.append("\\".repeat(backslashes * 2)).append('"').toString();
    }
}
