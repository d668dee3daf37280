/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.host.Crypto;
import org.novaagent.host.HostReply;
import org.novaagent.tests.support.AgentProcess;

/**
 * Issue #18, {@code agent status} through the real agent and real oxenstored: the requests the host
 * sent (keyinit, password, version, an unknown command) are listed with their codes, survive a
 * restart of the agent, and the history file ({@code 0600} in a {@code 0700} directory) holds
 * neither the password, nor the DH public keys, nor any request value.
 */
class StatusE2ETests {

    private static final String PASSWORD = "Status-E2e-Passw0rd";

    @TempDir
    Path dir;

    @Test
    void statusListsTheHostsRequestsAcrossARestartAndKeepsNoSecret() throws Exception {
        List<String> keys = new ArrayList<>();
        Path root;
        try (XenStoreStage stage = XenStoreStage.start(dir, Duration.ofSeconds(15))) {
            root = stage.debianRoot();
            RunningAgent agent = stage.startAgent(root);
            HostReply keyinit = stage.sim().keyinit();
            assertEquals("D0", keyinit.returnCode(), keyinit + "\n" + agent.stderr());
            keys.add(keyinit.message());
            assertEquals("0", stage.sim().password(PASSWORD, Crypto.Digest.MD5).returnCode(), agent.stderr());
            assertEquals("404", stage.sim().call("agentupdate", "http://example.invalid/x.tgz,0123abcd",
                    Duration.ofSeconds(15)).returnCode());
            agent.close();

            stage.startAgent(root);
            assertEquals("0", stage.sim().version().returnCode());
        }

        Path history = root.resolve("var/lib/nova-agent/history");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history, LinkOption.NOFOLLOW_LINKS)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history.getParent(),
                LinkOption.NOFOLLOW_LINKS)));
        String raw = Files.readString(history);
        assertFalse(raw.contains(PASSWORD), "the password reached the history");
        assertFalse(raw.contains(keys.get(0)), "the agent's DH public key reached the history");
        assertFalse(raw.contains("example.invalid"), "a request value reached the history");
        for (String line : raw.strip().split("\n")) {
            Set<String> fields = new java.util.TreeSet<>();
            new ObjectMapper().readTree(line).fieldNames().forEachRemaining(fields::add);
            assertEquals(Set.of("command", "id", "message", "ms", "returncode", "time"), fields, line);
        }

        AgentProcess.Result json = AgentProcess.run("status", "--root", root.toString(), "--json");
        assertEquals(0, json.exitCode(), json.toString());
        assertEquals("", json.stderr(), "status is quiet");
        List<String> seen = new ArrayList<>();
        for (Iterator<JsonNode> it = new ObjectMapper().readTree(json.stdout()).elements(); it.hasNext(); ) {
            JsonNode e = it.next();
            seen.add(e.get("command").asText() + " " + e.get("returncode").asText());
            if (e.get("command").asText().equals("password") || e.get("command").asText().equals("keyinit")) {
                assertEquals("", e.get("message").asText(), "no message kept for " + e);
            }
        }
        assertEquals(List.of("keyinit D0", "password 0", "agentupdate 404", "version 0"),
                seen.subList(seen.size() - 4, seen.size()), json.stdout());

        AgentProcess.Result table = AgentProcess.run("status", "--root", root.toString(), "-n", "2");
        assertEquals(0, table.exitCode(), table.toString());
        List<String> lines = table.stdout().strip().lines().toList();
        assertEquals(3, lines.size(), table.stdout());
        assertTrue(lines.get(0).startsWith("TIME (UTC)") && lines.get(1).contains("agentupdate")
                && lines.get(1).contains("No such agent command 'agentupdate'") && lines.get(2).contains("version"), table.stdout());
    }
}
