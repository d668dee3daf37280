/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.suse.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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
import org.novaagent.network.testkit.TestNetworks;
import org.novaagent.testkit.Exec;
import org.novaagent.testkit.RequiredTool;

/**
 * No wicked on Debian, so the parser tests are what wicked's sysconfig compat layer does with these
 * files: ifcfg and netconfig's config are shell variable files, checked with {@code bash -n} and
 * sourced with {@code set -eu} (every key reads back exactly: static, auto, the CIDRs of both
 * families in order); ifroute lines are {@code DESTINATION GATEWAY NETMASK INTERFACE} with a CIDR or
 * {@code default} destination, {@code -} as netmask and the NIC's own name, for every gateway and route.
 */
class WickedShellTests {

    private static final Pattern ROUTE_LINE = Pattern.compile("^(default|[0-9a-fA-F:.]+/[0-9]{1,3}) ([0-9a-fA-F:.]+) - ([A-Za-z0-9_.-]+)$");

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        ScenarioConfigs.all().forEach((name, config) -> out.add(Arguments.of(name, config)));
        TestNetworks.all().forEach((name, config) -> out.add(Arguments.of("extra " + name, config)));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void filesReadBackAsMeant(String scenario, NetworkConfig config, @TempDir Path tmp) throws IOException, InterruptedException {
        String bash = RequiredTool.require("bash", "sources rendered sysconfig files").toString();
        List<RenderedFile> files = new WickedRenderer().render(config,
                new RendererOptions(Map.of(), Map.of(WickedRenderer.CONFIG, WickedGoldenTests.IMAGE_CONFIG)));
        for (NetInterface nic : config.interfaces()) {
            String ifcfg = content(files, WickedRenderer.DIR + "/ifcfg-" + nic.name());
            Path file = Files.writeString(tmp.resolve("ifcfg-" + nic.name()), ifcfg);
            Exec.Result syntax = Exec.run(bash, "-n", file.toString());
            assertEquals(0, syntax.code(), syntax.output());
            List<String> addresses = new ArrayList<>();
            nic.ipv4().stream().map(IpAddress::cidr).forEach(addresses::add);
            nic.ipv6().stream().map(IpAddress::cidr).forEach(addresses::add);
            StringBuilder script = new StringBuilder("set -eu; . \"$1\"; printf '%s %s\\n' \"$BOOTPROTO\" \"$STARTMODE\"");
            List<String> expected = new ArrayList<>(List.of("static auto"));
            for (int i = 0; i < addresses.size(); i++) {
                String key = i == 0 ? "IPADDR" : "IPADDR_" + i;
                script.append("; printf '%s\\n' \"$").append(key).append('"');
                expected.add(addresses.get(i));
            }
            Exec.Result sourced = Exec.run(bash, "-c", script.toString(), "bash", file.toString());
            assertEquals(0, sourced.code(), sourced.output());
            assertEquals(expected, sourced.output().lines().toList());

            List<String> routes = files.stream().filter(f -> f.path().equals(WickedRenderer.DIR + "/ifroute-" + nic.name()))
                    .flatMap(f -> f.content().lines()).filter(l -> !l.startsWith("#")).toList();
            int wanted = (nic.gateway4().isPresent() ? 1 : 0) + (nic.gateway6().isPresent() ? 1 : 0) + nic.routes().size();
            assertEquals(wanted, routes.size(), routes.toString());
            for (String line : routes) {
                var m = ROUTE_LINE.matcher(line);
                assertTrue(m.matches() && m.group(3).equals(nic.name()), line);
            }
        }
        String dns = config.interfaces().stream().flatMap(n -> n.dns().stream()).distinct().reduce((a, b) -> a + " " + b).orElse("");
        if (!dns.isEmpty()) {
            Path cfg = Files.writeString(tmp.resolve("config"), content(files, WickedRenderer.CONFIG));
            Exec.Result sourced = Exec.run(bash, "-c", "set -eu; . \"$1\"; printf '%s|%s\\n' \"$NETCONFIG_DNS_STATIC_SERVERS\" "
                    + "\"$NETCONFIG_DNS_POLICY\"", "bash", cfg.toString());
            assertEquals(dns + "|auto", sourced.output().strip());
        }
    }

    private static String content(List<RenderedFile> files, String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow(() -> new AssertionError(path)).content();
    }
}
