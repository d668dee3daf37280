/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the agent keeps its own files on the platform it runs on: the configuration file, the
 * plugins directory and the log directory. Linux follows the FHS ({@code /etc}, {@code /usr/lib});
 * Windows follows the installer's layout: programs under {@code %ProgramFiles%\nova-agent},
 * configuration and logs under {@code %ProgramData%\nova-agent} (writable by the service, not by
 * users, and kept when the program directory is replaced on upgrade).
 *
 * @param configFile the default {@code agent.conf} ({@code --config} overrides it)
 * @param pluginsDir the default plugins directory ({@code plugins.dir} overrides it)
 * @param logDir     where the Windows service writes its rotating log; on Linux the journal is used
 *                   and this is informational only
 */
public record AgentPaths(Path configFile, Path pluginsDir, Path logDir) {

    /** The Linux (FHS) layout of the .deb and .rpm packages. */
    public static final AgentPaths LINUX = new AgentPaths(Path.of("/etc/nova-agent/agent.conf"),
            Path.of("/usr/lib/nova-agent/plugins"), Path.of("/var/log/nova-agent"));

    /**
     * The Windows layout of the zip's install script.
     *
     * @param env the environment ({@code ProgramFiles}, {@code ProgramData}); missing values fall
     *            back to {@code C:\Program Files} and {@code C:\ProgramData}
     * @return the paths
     */
    public static AgentPaths windows(Map<String, String> env) {
        String programFiles = env.getOrDefault("ProgramFiles", "C:\\Program Files");
        String programData = env.getOrDefault("ProgramData", "C:\\ProgramData");
        String home = programFiles + "\\nova-agent";
        String data = programData + "\\nova-agent";
        return new AgentPaths(Path.of(data + "\\agent.conf"), Path.of(home + "\\plugins"), Path.of(data + "\\logs"));
    }

    /**
     * @param osName the JVM's {@code os.name}
     * @param env    the environment
     * @return {@link #windows(Map)} when {@code osName} starts with {@code Windows}, else {@link #LINUX}
     */
    public static AgentPaths of(String osName, Map<String, String> env) {
        return osName != null && osName.startsWith("Windows") ? windows(env) : LINUX;
    }

    /** @return the layout of the platform this JVM runs on */
    public static AgentPaths forThisJvm() {
        return of(System.getProperty("os.name"), System.getenv());
    }
}
