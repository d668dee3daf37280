/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing of agent.conf: sections, comments, defaults, and errors that name the line. */
class AgentConfigTests {

    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("agent.conf"), text);
    }

    @Test
    void missingFileGivesDefaults() throws Exception {
        AgentConfig c = AgentConfig.load(dir.resolve("absent.conf"));
        assertEquals(Path.of("/usr/lib/nova-agent/plugins"), c.pluginsDir());
        assertEquals(Duration.ofSeconds(30), c.defaultTimeout());
        assertEquals(Optional.empty(), c.timeoutFor("resetnetwork"), "no command is special: handlers declare theirs");
        assertEquals(Optional.empty(), c.timeoutFor("password"));
        assertEquals(Duration.ofSeconds(60), c.rescanInterval());
        assertEquals(Duration.ofSeconds(300), c.repliesGrace());
        assertEquals("info", c.logLevel());
        assertEquals(Optional.empty(), c.xenstorePath());
    }

    @Test
    void sectionsCommentsAndOverrides() throws Exception {
        AgentConfig c = AgentConfig.load(write("# comment\n\n[timeout]\ndefault = 45\nresetnetwork=200\n"
                + "[password]\nuser = admin  \n[plugins]\ndir=/opt/p\n"));
        assertEquals(Duration.ofSeconds(45), c.defaultTimeout());
        assertEquals(Optional.of(Duration.ofSeconds(200)), c.timeoutFor("resetnetwork"));
        assertEquals(Optional.of("admin"), c.setting("password.user"));
        assertEquals(Path.of("/opt/p"), c.pluginsDir());
        assertEquals(Path.of("/cli"), c.with("plugins.dir", "/cli").pluginsDir());
        assertEquals(Path.of("/opt/p"), c.with("plugins.dir", null).pluginsDir());
    }

    @Test
    void lineWithoutEqualsNamesFileAndLine() throws Exception {
        Path f = write("a = 1\n# fine\nnonsense\n");
        ConfigException e = assertThrows(ConfigException.class, () -> AgentConfig.load(f));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(f + ":3: "), e.getMessage());
    }

    @Test
    void badNumbersLevelsSectionsAndDuplicatesNameTheLine() throws Exception {
        assertEquals(2, assertThrows(ConfigException.class,
                () -> AgentConfig.load(write("x=1\ntimeout.default = soon\n"))).line());
        assertEquals(1, assertThrows(ConfigException.class,
                () -> AgentConfig.load(write("rescan.interval = -5\n"))).line());
        assertEquals(1, assertThrows(ConfigException.class, () -> AgentConfig.load(write("log.level = loud\n"))).line());
        assertEquals(2, assertThrows(ConfigException.class, () -> AgentConfig.load(write("\n[broken\n"))).line());
        assertEquals(2, assertThrows(ConfigException.class, () -> AgentConfig.load(write("a=1\na=2\n"))).line());
        assertEquals(1, assertThrows(ConfigException.class, () -> AgentConfig.load(write("bad key = 1\n"))).line());
    }

    @Test
    void badCliOverrideIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> AgentConfig.defaults().with("log.level", "chatty"));
    }
}
