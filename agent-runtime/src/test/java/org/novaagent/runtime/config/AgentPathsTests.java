/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agent's own files: FHS on Linux, %ProgramFiles% and %ProgramData% on Windows. */
class AgentPathsTests {

    @Test
    void linux() {
        AgentPaths p = AgentPaths.of("Linux", Map.of("ProgramData", "D:\\ignored"));
        assertEquals(Path.of("/etc/nova-agent/agent.conf"), p.configFile());
        assertEquals(Path.of("/usr/lib/nova-agent/plugins"), p.pluginsDir());
        assertEquals(AgentPaths.LINUX, AgentPaths.of(null, Map.of()));
    }

    @Test
    void windowsFromTheEnvironment() {
        AgentPaths p = AgentPaths.of("Windows Server 2022", Map.of("ProgramFiles", "D:\\Programs", "ProgramData", "D:\\Data"));
        assertEquals("D:\\Data\\nova-agent\\agent.conf", p.configFile().toString());
        assertEquals("D:\\Programs\\nova-agent\\plugins", p.pluginsDir().toString());
        assertEquals("D:\\Data\\nova-agent\\logs", p.logDir().toString());
    }

    @Test
    void windowsDefaultsWhenTheVariablesAreMissing() {
        AgentPaths p = AgentPaths.windows(Map.of());
        assertEquals("C:\\ProgramData\\nova-agent\\agent.conf", p.configFile().toString());
        assertEquals("C:\\Program Files\\nova-agent\\plugins", p.pluginsDir().toString());
    }

    @Test
    void thisLinuxJvmUsesTheFhsDefaults() {
        assertEquals(Path.of("/etc/nova-agent/agent.conf"), AgentConfig.DEFAULT_FILE);
        assertEquals(Path.of(AgentConfig.DEFAULT_PLUGINS_DIR), AgentConfig.defaults().pluginsDir());
    }
}
