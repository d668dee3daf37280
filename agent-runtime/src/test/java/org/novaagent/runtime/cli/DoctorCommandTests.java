/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code agent doctor} as a command: exit 1 on a failure, one line per finding, {@code --json}, {@code --root}. */
class DoctorCommandTests {

    @TempDir
    Path dir;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void anEmptyRootFailsWithFixesInTextAndJson() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root/etc"));
        Files.writeString(root.resolve("os-release"), "ID=debian\n");
        String xs = dir.resolve("absent.sock").toString();
        String[] text = run("doctor", "--root", root.getParent().toString(), "--xenstore", xs);
        assertEquals("1", text[0], text[1] + text[2]);
        String[] lines = text[1].strip().split("\n");
        for (int i = 0; i < lines.length - 1; i++) {
            assertTrue(lines[i].matches("(ok  |warn|FAIL)  \\S+ +\\S.*"), lines[i]);
            assertEquals(lines[i].startsWith("ok"), !lines[i].contains(" -- fix: "), lines[i]);
        }
        assertTrue(text[1].contains("FAIL  xenstore  XenStore not reachable; tried " + xs), text[1]);
        assertTrue(lines[lines.length - 1].startsWith("doctor: "), text[1]);

        String[] json = run("doctor", "--root", root.getParent().toString(), "--xenstore", xs, "--json");
        assertEquals("1", json[0]);
        Set<String> checks = new LinkedHashSet<>();
        for (JsonNode f : new ObjectMapper().readTree(json[1])) {
            checks.add(f.get("check").asText());
            assertEquals(f.get("level").asText().equals("ok"), f.get("fix").asText().isEmpty(), f.toString());
        }
        // no resetnetwork handler applies to an empty root: no handler check, "plugins" says so
        assertEquals(Set.of("xenstore", "service", "handlers", "plugins", "trust", "host", "requests"), checks);
        assertFalse(json[1].contains("[INFO]"));
    }
}
