/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.rhel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.novaagent.network.IpAddress;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.RenderedFile;
import org.novaagent.network.RendererOptions;
import org.novaagent.network.testkit.ScenarioConfigs;
import org.novaagent.testkit.RequiredTool;
import org.novaagent.testkit.Exec;

/**
 * There is no RHEL ifcfg parser on Debian (test-tools.md 2.3), so every rendered ifcfg and
 * route file goes through what RHEL's network-scripts do with it: {@code bash -n}, then it is
 * sourced by a clean bash with {@code set -eu} and the variables are compared with the model;
 * ifcfg files also pass {@code shellcheck -s sh}. Each scenario is rendered twice, the second
 * time over the first output plus an operator's {@code ZONE=} line, to check the merge too.
 */
class IfcfgShellValidationTests {

    static Stream<Arguments> scenarios() {
        return ScenarioConfigs.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void shellReadsWhatWeMeant(String scenario, NetworkConfig config, @TempDir Path tmp)
            throws IOException, InterruptedException {
        String bash = RequiredTool.require("bash", "parses ifcfg files like RHEL network-scripts").toString();
        String shellcheck = RequiredTool.require("shellcheck", "lints ifcfg files as POSIX sh").toString();
        IfcfgRenderer renderer = new IfcfgRenderer();
        Map<String, String> existing = new java.util.HashMap<>();
        renderer.render(config, RendererOptions.defaults()).forEach(f -> existing.put(f.path(),
                f.path().contains("ifcfg-") ? f.content() + "ZONE=trusted\n" : f.content()));
        List<RenderedFile> files = renderer.render(config, new RendererOptions(Map.of(), existing));

        for (RenderedFile f : files) {
            Path p = tmp.resolve(f.path().replace('/', '_'));
            Files.writeString(p, f.content());
            Exec.Result syntax = Exec.run(bash, "-n", p.toString());
            assertEquals(0, syntax.code(), f.path() + ": " + syntax.output());
            if (f.path().contains("/route")) {
                assertTrue(f.content().lines().filter(l -> !l.startsWith("#"))
                        .allMatch(l -> l.matches("[0-9a-fA-F:.]+/\\d+ via [0-9a-fA-F:.]+ dev \\S+")), f.content());
            }
        }
        for (NetInterface nic : config.interfaces()) {
            Path p = tmp.resolve(RhelNames.ifcfg(nic.name()).replace('/', '_'));
            Exec.Result lint = Exec.run(shellcheck, "-s", "sh", "-e", "SC2034", p.toString());
            assertEquals(0, lint.code(), lint.output());
            assertEquals(expected(nic), sourced(bash, p));
        }
    }

    /** Sources the file in an empty environment and prints the variables RHEL reads. */
    private static List<String> sourced(String bash, Path file) throws IOException, InterruptedException {
        String script = "set -eu; . \"$1\"; for v in DEVICE HWADDR BOOTPROTO ONBOOT IPADDR PREFIX IPADDR1 PREFIX1 "
                + "GATEWAY DEFROUTE IPV6INIT IPV6ADDR IPV6ADDR_SECONDARIES IPV6_DEFAULTGW DNS1 DNS2 DNS3 ZONE; do "
                + "if [ -n \"${!v+x}\" ]; then printf '%s=%s\\n' \"$v\" \"${!v}\"; fi; done";
        Exec.Result r = Exec.run("env", "-i", bash, "-c", script, "sh", file.toString());
        assertEquals(0, r.code(), r.output());
        return r.output().lines().toList();
    }

    private static List<String> expected(NetInterface nic) {
        List<String> out = new ArrayList<>();
        out.add("DEVICE=" + nic.name());
        out.add("HWADDR=" + nic.mac());
        out.add("BOOTPROTO=none");
        out.add("ONBOOT=yes");
        List<IpAddress> v4 = nic.ipv4();
        for (int i = 0; i < Math.min(2, v4.size()); i++) {
            out.add("IPADDR" + (i == 0 ? "" : i) + "=" + v4.get(i).address());
            out.add("PREFIX" + (i == 0 ? "" : i) + "=" + v4.get(i).prefix());
        }
        nic.gateway4().ifPresent(gw -> {
            out.add("GATEWAY=" + gw);
            out.add("DEFROUTE=yes");
        });
        out.add("IPV6INIT=" + (nic.ipv6().isEmpty() ? "no" : "yes"));
        if (!nic.ipv6().isEmpty()) {
            out.add("IPV6ADDR=" + nic.ipv6().get(0).cidr());
            if (nic.ipv6().size() > 1) {
                out.add("IPV6ADDR_SECONDARIES=" + String.join(" ",
                        nic.ipv6().subList(1, nic.ipv6().size()).stream().map(IpAddress::cidr).toList()));
            }
            nic.gateway6().ifPresent(gw -> out.add("IPV6_DEFAULTGW=" + gw + (gw.startsWith("fe80:") ? "%" + nic.name() : "")));
        }
        for (int i = 0; i < Math.min(3, nic.dns().size()); i++) {
            out.add("DNS" + (i + 1) + "=" + nic.dns().get(i));
        }
        out.add("ZONE=trusted");
        return out;
    }
}
