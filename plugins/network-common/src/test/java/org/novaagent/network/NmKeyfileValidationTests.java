/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.novaagent.network.testkit.ScenarioConfigs;
import org.novaagent.testkit.RequiredTool;

/**
 * Every rendered keyfile is parsed and validated by the real NetworkManager keyfile reader
 * ({@code nmcli --offline}, no daemon; test-tools.md 2.5), which prints the normalised
 * connection: it must keep our UUID, MAC and addresses.
 */
class NmKeyfileValidationTests {

    static Stream<Arguments> scenarios() {
        return ScenarioConfigs.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void networkManagerAcceptsEveryKeyfile(String scenario, NetworkConfig config) throws IOException, InterruptedException {
        String nmcli = RequiredTool.require("nmcli", "validates NetworkManager keyfiles offline").toString();
        List<RenderedFile> files = new NmKeyfileRenderer().render(config, RendererOptions.defaults());
        assertEquals(config.interfaces().size(), files.size());
        for (int i = 0; i < files.size(); i++) {
            RenderedFile file = files.get(i);
            NetInterface nic = config.interfaces().get(i);
            assertEquals(0600, file.mode());
            String normalised = offline(nmcli, file.content());
            assertTrue(normalised.contains("uuid=" + NmKeyfiles.uuid(nic.mac())), normalised);
            assertTrue(normalised.contains("mac-address=" + nic.mac().toUpperCase()), normalised);
            for (IpAddress a : nic.ipv4()) {
                assertTrue(normalised.contains(a.cidr()), a.cidr() + " in\n" + normalised);
            }
            for (IpAddress a : nic.ipv6()) {
                assertTrue(normalised.contains(a.cidr()), a.cidr() + " in\n" + normalised);
            }
        }
    }

    private static String offline(String nmcli, String keyfile) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(nmcli, "--offline", "connection", "modify", "connection.autoconnect", "yes")
                .redirectErrorStream(true).start();
        p.getOutputStream().write(keyfile.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "nmcli rejected:\n" + keyfile + "\n" + out);
        return out;
    }
}
