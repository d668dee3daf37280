/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.novaagent.host.demo.DemoNetwork;
import org.novaagent.tests.support.AgentProcess;
import org.novaagent.tests.support.AgentProcess.Result;

/**
 * The real {@code agent demo --distro <d>} in a child JVM: exit code 0, every step answered
 * ({@code D0} for keyinit, {@code 0} otherwise), the scratch root it prints holds the expected
 * network files after attach and detach, and neither output leaks the password or a full hash.
 */
class DemoE2ETests {

    private static final Pattern SCRATCH_ROOT = Pattern.compile("(?m)^\\s*scratch root\\s*:\\s*(\\S+)\\s*$");
    /** The step table's header; group 1 is the RC column. */
    private static final Pattern TABLE_HEADER = Pattern.compile("^\\s*STEP\\s+(RC)\\s+MS\\s+MESSAGE");
    private static final Pattern FULL_HASH = Pattern.compile("\\$6\\$[^$\\s]+\\$[./A-Za-z0-9]{20,}");

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"debian", "ubuntu", "rhel", "alpine", "arch"})
    void demoRunsEveryStepAgainstTheRealAgent(String distro) throws Exception {
        Result demo = AgentProcess.run("demo", "--distro", distro, "--work-dir", work.toString());
        assertEquals(0, demo.exitCode(), demo::toString);

        Map<String, String> steps = steps(demo.stdout());
        List<String> names = new ArrayList<>(steps.keySet());
        assertTrue(names.size() >= 7, "steps: " + steps + "\n" + demo);
        assertEquals(List.of("version", "features", "keyinit", "password"), names.subList(0, 4), demo::toString);
        assertEquals(3, names.stream().filter(n -> n.startsWith("resetnetwork")).count(), demo::toString);
        steps.forEach((name, rc) -> assertEquals(name.equals("keyinit") ? "D0" : "0", rc, name + "\n" + demo));

        for (String line : (demo.stdout() + "\n" + demo.stderr()).split("\n")) {
            assertFalse(line.toLowerCase().contains("password="), "leak: " + line);
            assertFalse(FULL_HASH.matcher(line).find(), "full hash printed: " + line);
        }

        Matcher m = SCRATCH_ROOT.matcher(demo.stdout());
        assertTrue(m.find(), "no scratch root printed\n" + demo);
        Path root = Path.of(m.group(1));
        assertTrue(root.startsWith(work), root + " is not under --work-dir " + work);
        assertNetworkFiles(root, distro, demo);
        assertEquals(DemoNetwork.HOSTNAME, Files.readString(root.resolve("etc/hostname")).strip());
        String shadowRoot = Files.readAllLines(root.resolve("etc/shadow")).get(0);
        assertTrue(FULL_HASH.matcher(shadowRoot).find(), "root has no SHA-512 crypt hash: " + shadowRoot);
        String printedPrefix = shadowRoot.substring(0, shadowRoot.indexOf('$', 3 + "root:".length()) + 1);
        assertTrue(demo.stdout().contains(printedPrefix), "the shadow line shown should start like " + printedPrefix);
    }

    /** @return step name → return code, from the STEP/RC/MS/MESSAGE table (RC column located by its header) */
    private static Map<String, String> steps(String stdout) {
        Map<String, String> steps = new LinkedHashMap<>();
        int rcColumn = -1;
        for (String line : stdout.split("\n")) {
            if (rcColumn < 0) {
                Matcher header = TABLE_HEADER.matcher(line);
                if (header.find()) {
                    rcColumn = header.start(1);
                }
                continue;
            }
            if (line.isBlank()) {
                break;
            }
            String rest = line.length() > rcColumn ? line.substring(rcColumn).strip() : "";
            steps.put(line.substring(0, Math.min(rcColumn, line.length())).strip(),
                    rest.isEmpty() ? "<no rc>" : rest.split("\\s+")[0]);
        }
        return steps;
    }

    private static void assertNetworkFiles(Path root, String distro, Result demo) throws IOException {
        List<String> files = switch (distro) {
            case "debian" -> List.of("etc/network/interfaces.d/50-nova-agent");
            case "ubuntu" -> List.of("etc/netplan/50-nova-agent.yaml");
            case "alpine" -> List.of("etc/network/interfaces");
            case "arch" -> List.of("etc/systemd/network/05-nova-agent-eth0.network",
                    "etc/systemd/network/05-nova-agent-eth1.network");
            default -> List.of("etc/sysconfig/network-scripts/ifcfg-eth0", "etc/sysconfig/network-scripts/ifcfg-eth1",
                    "etc/sysconfig/network-scripts/route-eth1");
        };
        StringBuilder all = new StringBuilder();
        for (String f : files) {
            assertTrue(Files.isRegularFile(root.resolve(f)), f + " missing under " + root + "\n" + demo);
            all.append(Files.readString(root.resolve(f)));
        }
        String conf = all.toString();
        for (String expected : List.of("104.130.4.72", "10.208.227.239", "10.176.0.0/12")) {
            assertTrue(conf.contains(expected), distro + " lacks " + expected + ":\n" + conf);
        }
        // eth2 was attached, then detached: its configuration is gone again
        assertFalse(conf.contains("192.168.3.10"), "detached eth2 still configured:\n" + conf);
        assertFalse(Files.exists(root.resolve("etc/sysconfig/network-scripts/ifcfg-eth2")), "ifcfg-eth2 left behind");
    }
}
