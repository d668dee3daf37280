/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.gentoo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.RendererOptions;
import org.novaagent.network.Route;
import org.novaagent.network.testkit.ScenarioConfigs;
import org.novaagent.network.testkit.TestNetworks;
import org.novaagent.plugin.network.gentoo.testkit.NetifrcPlan;
import org.novaagent.testkit.Exec;
import org.novaagent.testkit.RequiredTool;

/**
 * The parser test: netifrc is not packaged for Debian, so every rendered {@code conf.d/net} is checked
 * with {@code bash -n} and {@code sh -n} (OpenRC sources it with {@code /bin/sh}, bash on Gentoo), then
 * read by {@link NetifrcPlan} ({@code netifrc-plan.sh}), a transcription of net.lo's {@code _load_config}, config loop, route
 * loop and {@code _system_dns} run by both shells: for each NIC exactly our addresses (or {@code null}),
 * our routes with the family and {@code -net}/{@code -host} net.lo picks, and our DNS servers; the
 * image's eth0 DHCP and routes gone where eth0 is ours, its MTU and module choice kept, and a NIC we do
 * not configure still on DHCP.
 */
class NetifrcShellTests {

    private static final List<String> IMAGE_ETH0 = List.of("module dhcp", "route any -net 10.9.0.0/16 via 10.0.2.3",
            "route any -net 10.10.0.0/16 via 10.0.2.3");

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        ScenarioConfigs.all().forEach((name, config) -> out.add(Arguments.of(name, config)));
        TestNetworks.all().forEach((name, config) -> out.add(Arguments.of("extra " + name, config)));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void netifrcReadsEveryNicAsMeant(String scenario, NetworkConfig config, @TempDir Path tmp)
            throws IOException, InterruptedException {
        String bash = RequiredTool.require("bash", "parses rendered conf.d/net").toString();
        String sh = RequiredTool.require("sh", "parses rendered conf.d/net").toString();
        String text = new NetifrcRenderer().render(config, new RendererOptions(Map.of(),
                Map.of(NetifrcRenderer.CONF_NET, NetifrcGoldenTests.IMAGE_CONF_NET))).get(0).content();
        Path conf = Files.writeString(tmp.resolve("net"), text);
        List<String> args = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        boolean eth0Ours = false;
        for (NetInterface nic : config.interfaces()) {
            args.add(nic.name());
            expected.addAll(expected(nic));
            eth0Ours |= nic.name().equals("eth0");
        }
        if (!eth0Ours) {
            args.add("eth0");
            expected.add("[eth0]");
            expected.addAll(IMAGE_ETH0);
        }
        args.add("eth9");
        expected.addAll(List.of("[eth9]", "module dhcp"));
        for (String shell : List.of(bash, sh)) {
            Exec.Result syntax = Exec.run(shell, "-n", conf.toString());
            assertEquals(0, syntax.code(), shell + " -n: " + syntax.output() + "\n" + text);
            assertEquals(expected, NetifrcPlan.read(shell, conf, args, tmp), shell + " reading:\n" + text);
            Exec.Result kept = Exec.run(shell, "-c", ". \"$1\"; printf '%s|%s\\n' \"$mtu_eth0\" \"$modules_eth0\"",
                    shell, conf.toString());
            assertEquals("1500|iproute2\n", kept.output(), "the operator's settings are kept");
        }
    }

    @Test
    void anUnterminatedQuoteFailsSoTheCheckCanFail(@TempDir Path tmp) throws IOException, InterruptedException {
        String bash = RequiredTool.require("bash", "parses rendered conf.d/net").toString();
        Path broken = Files.writeString(tmp.resolve("net"), "config_eth0=\"10.0.0.1/24\n");
        assertNotEquals(0, Exec.run(bash, "-n", broken.toString()).code());
    }

    /** What net.lo does for one NIC of ours, in netifrc-plan.sh's words. */
    static List<String> expected(NetInterface nic) {
        List<String> out = new ArrayList<>();
        out.add("[" + nic.name() + "]");
        nic.ipv4().forEach(a -> out.add("addr " + a.cidr()));
        nic.ipv6().forEach(a -> out.add("addr " + a.cidr()));
        if (nic.ipv4().isEmpty() && nic.ipv6().isEmpty()) {
            out.add("null");
        }
        nic.gateway4().ifPresent(gw -> out.add("route any -net default via " + gw));
        nic.gateway6().ifPresent(gw -> out.add("route -6 -net default via " + gw));
        for (Route r : nic.routes()) {
            boolean host = r.prefix() == (r.ipv6() ? 128 : 32);
            out.add("route " + (r.ipv6() ? "-6" : "any") + (host ? " -host " : " -net ") + r.cidr() + " via " + r.gateway());
        }
        nic.dns().forEach(d -> out.add("dns " + d));
        return out;
    }
}
