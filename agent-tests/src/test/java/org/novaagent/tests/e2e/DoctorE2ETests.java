/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.host.HostReply;
import org.novaagent.host.demo.Distro;
import org.novaagent.host.demo.DistroRootBuilder;
import org.novaagent.tests.support.AgentProcess;

/**
 * {@code nova-agent doctor} as an operator runs it (the agent's own process and module path)
 * against the real oxenstored holding nova's network data, over an Ubuntu root with nova-agent
 * 2.x's real {@code rackspace-cloud.yaml} and cloud-init's {@code 50-cloud-init.yaml}: the
 * {@code overrides} lines come from the selected netplan handler's own detector (agent-api
 * {@code HealthCheck}), fail for both files with the takeover as fix, and are what makes doctor exit 1;
 * after the fix they name (a real resetnetwork from the host) the check passes for the host's NICs
 * and doctor exits 0.
 */
class DoctorE2ETests {

    private static final Path FOREIGN = Path.of("../plugins/network-common/src/test/resources/foreign");

    @TempDir
    Path dir;

    private XenStoreStage stage;

    @BeforeEach
    void start() throws Exception {
        stage = XenStoreStage.start(dir, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        stage.close();
    }

    private List<JsonNode> doctor(Path root, int expectedExit) throws Exception {
        AgentProcess.Result r = AgentProcess.run("doctor", "--root", root.toString(),
                "--xenstore", stage.daemon().socketPath().toString(), "--json");
        assertEquals(expectedExit, r.exitCode(), r.toString());
        List<JsonNode> out = new ArrayList<>();
        new ObjectMapper().readTree(r.stdout()).forEach(out::add);
        return out;
    }

    private static List<JsonNode> check(List<JsonNode> findings, String name) {
        return findings.stream().filter(f -> f.get("check").asText().equals(name)).toList();
    }

    @Test
    void foreignNetplanFilesFailWithTheTakeoverAndPassAfterIt() throws Exception {
        Path root = DistroRootBuilder.build(dir.resolve("ubuntu"), Distro.UBUNTU);
        Files.writeString(root.resolve("etc/netplan/rackspace-cloud.yaml"),
                Files.readString(FOREIGN.resolve("nova-agent-2x/rackspace-cloud.ubuntu.yaml")));
        stage.sim().writeNetwork(TakeoverE2ETests.spec());

        List<JsonNode> before = doctor(root, 1);
        assertTrue(check(before, "xenstore").stream().allMatch(f -> f.get("level").asText().equals("ok")), before.toString());
        assertEquals(List.of("overrides", "overrides"), before.stream().filter(f -> f.get("level").asText().equals("fail"))
                .map(f -> f.get("check").asText()).toList(), "the foreign files are what fails: " + before);
        List<JsonNode> overrides = check(before, "overrides");
        assertEquals(2, overrides.size(), overrides.toString());
        assertTrue(overrides.get(0).get("message").asText().startsWith("etc/netplan/50-cloud-init.yaml (cloud-init) configures eth0"),
                overrides.toString());
        assertTrue(overrides.get(1).get("message").asText().startsWith("etc/netplan/rackspace-cloud.yaml (nova-agent 2.x) configures"),
                overrides.toString());
        for (JsonNode f : overrides) {
            assertEquals("fail", f.get("level").asText(), f.toString());
            assertTrue(f.get("fix").asText().startsWith("nova-agent call resetnetwork"), f.toString());
        }

        try (RunningAgent agent = stage.startAgent(root)) {
            HostReply reply = stage.sim().resetnetwork(TakeoverE2ETests.spec());
            assertEquals("0", reply.returnCode(), reply + "\n" + agent.stderr());
        }
        List<JsonNode> after = check(doctor(root, 0), "overrides"); // nothing else fails on this root: exit 0 now
        assertEquals(1, after.size(), after.toString());
        assertEquals("ok", after.get(0).get("level").asText(), after.toString());
        assertEquals("no other tool configures eth0, eth1 (the NICs the host configures)", after.get(0).get("message").asText());
    }
}
