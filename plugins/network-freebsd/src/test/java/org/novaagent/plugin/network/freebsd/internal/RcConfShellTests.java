/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.freebsd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.RenderedFile;
import org.novaagent.network.RendererOptions;
import org.novaagent.network.testkit.ScenarioConfigs;
import org.novaagent.network.testkit.TestNetworks;
import org.novaagent.testkit.Exec;
import org.novaagent.testkit.RequiredTool;

/**
 * rc.conf is a shell fragment that rc.subr's {@code load_rc_config} sources, so the parser test is
 * a POSIX shell: every rendered rc.conf passes {@code sh -n}, and sourcing it with {@code set -eu}
 * gives exactly the variables {@link RcConfVariables} meant, the image's other settings unchanged
 * and the image's DHCP line gone. FreeBSD's own {@code /bin/sh} is not available here; Debian's
 * dash is the same POSIX language for assignments.
 */
class RcConfShellTests {

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        ScenarioConfigs.all().forEach((name, config) -> out.add(Arguments.of(name, config)));
        TestNetworks.all().forEach((name, config) -> out.add(Arguments.of("extra " + name, config)));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shReadsEveryVariableAsMeant(String scenario, NetworkConfig config, @TempDir Path tmp)
            throws IOException, InterruptedException {
        String sh = RequiredTool.require("sh", "parses rendered rc.conf").toString();
        List<RenderedFile> files = new RcConfRenderer().render(config,
                new RendererOptions(Map.of(), Map.of(RcConfRenderer.RC_CONF, RcConfGoldenTests.IMAGE_RC_CONF)));
        Path rcConf = Files.writeString(tmp.resolve("rc.conf"), files.get(0).content());
        Exec.Result syntax = Exec.run(sh, "-n", rcConf.toString());
        assertEquals(0, syntax.code(), syntax.output());

        Map<String, String> wanted = RcConfVariables.of(config);
        Set<String> names = new LinkedHashSet<>(wanted.keySet());
        names.addAll(List.of("sshd_enable", "growfs_enable", "ifconfig_DEFAULT"));
        StringBuilder script = new StringBuilder("set -eu; . \"$1\"");
        for (String name : names) {
            script.append("; printf '%s=%s\\n' ").append(name).append(" \"${").append(name).append(":-}\"");
        }
        script.append("; printf 'eth0_dhcp=%s\\n' \"${ifconfig_eth0:-unset}\"");
        Exec.Result sourced = Exec.run(sh, "-c", script.toString(), "sh", rcConf.toString());
        assertEquals(0, sourced.code(), sourced.output());
        List<String> expected = new ArrayList<>();
        for (String name : names) {
            expected.add(name + "=" + wanted.getOrDefault(name, switch (name) {
                case "ifconfig_DEFAULT" -> "DHCP inet6 accept_rtadv";
                default -> "YES";
            }));
        }
        expected.add("eth0_dhcp=" + wanted.getOrDefault("ifconfig_eth0", "DHCP"));
        assertEquals(expected, sourced.output().lines().toList());
    }

    @Test
    void aBrokenFileFailsSoTheCheckCanFail(@TempDir Path tmp) throws IOException, InterruptedException {
        String sh = RequiredTool.require("sh", "parses rendered rc.conf").toString();
        Path broken = Files.writeString(tmp.resolve("rc.conf"), "ifconfig_xn0=\"inet 10.0.0.1/24\n");
        assertNotEquals(0, Exec.run(sh, "-n", broken.toString()).code());
    }
}
