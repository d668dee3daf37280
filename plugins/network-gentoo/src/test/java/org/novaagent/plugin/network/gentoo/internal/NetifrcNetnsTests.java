/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.gentoo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.RendererOptions;
import org.novaagent.network.testkit.ScenarioConfigs;
import org.novaagent.plugin.network.gentoo.testkit.NetifrcPlan;
import org.novaagent.testkit.Exec;
import org.novaagent.testkit.RequiredTool;

/**
 * What net.lo does with the rendered {@code conf.d/net} is really done by the kernel: the spec 4.9 worked
 * example (two NICs, secondary IPv4 and IPv6 addresses, a link-local IPv6 gateway, routes via the private
 * NIC) is read by {@link NetifrcPlan} and each step is run as netifrc's iproute2 module runs it
 * ({@code ip link set up}, {@code ip addr add <cidr> [broadcast +] dev <if>} per address in order, then
 * {@code ip [-f inet6] route append <spec> dev <if>} per route) in a throw-away network namespace on veth
 * NICs with the scenario MACs; every address and route must be accepted and present afterwards. Needs root.
 */
class NetifrcNetnsTests {

    @Test
    void workedExampleIsAcceptedByTheKernelInANamespace(@TempDir Path tmp) throws IOException, InterruptedException {
        RequiredTool.requireRoot("ip netns add needs CAP_SYS_ADMIN");
        String ip = RequiredTool.require("ip", "creates the namespace and veth NICs").toString();
        String bash = RequiredTool.require("bash", "reads conf.d/net as OpenRC does on Gentoo").toString();
        NetworkConfig config = ScenarioConfigs.all().get("worked-example");
        String text = new NetifrcRenderer().render(config, new RendererOptions(Map.of(), Map.of())).get(0).content();
        Path conf = Files.writeString(tmp.resolve("net"), text);
        List<String> names = config.interfaces().stream().map(NetInterface::name).toList();
        List<String> plan = NetifrcPlan.read(bash, conf, names, tmp);
        String ns = "nova-netifrc-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100000;

        ok(Exec.run(ip, "netns", "add", ns));
        try {
            int i = 0;
            for (NetInterface nic : config.interfaces()) {
                String peer = "peer" + i++;
                ok(Exec.run(ip, "-n", ns, "link", "add", nic.name(), "address", nic.mac(), "type", "veth", "peer", "name", peer));
                ok(Exec.run(ip, "-n", ns, "link", "set", peer, "up"));
            }
            for (List<String> step : steps(ip, ns, plan)) {
                ok(Exec.run(step));
            }
            String eth0 = ok(Exec.run(ip, "-n", ns, "addr", "show", "dev", "eth0"));
            for (String a : List.of("inet 104.130.4.72/24", "inet 104.130.4.73/24",
                    "inet6 2001:4802:7802:104:be76:4eff:fe20:7572/64", "inet6 2001:4802:7802:104:be76:4eff:fe20:7573/64")) {
                assertTrue(eth0.contains(a), a + " on eth0:\n" + eth0);
            }
            assertTrue(ok(Exec.run(ip, "-n", ns, "addr", "show", "dev", "eth1")).contains("inet 10.208.227.239/19"));
            String routes = ok(Exec.run(ip, "-n", ns, "route"));
            for (String r : List.of("default via 104.130.4.1 dev eth0", "10.208.0.0/12 via 10.208.224.1 dev eth1",
                    "10.176.0.0/12 via 10.208.224.1 dev eth1")) {
                assertTrue(routes.contains(r), r + " in:\n" + routes);
            }
            String routes6 = ok(Exec.run(ip, "-n", ns, "-6", "route"));
            assertTrue(routes6.contains("default via fe80::def dev eth0"), routes6);
        } finally {
            Exec.Result del = Exec.run(ip, "netns", "del", ns);
            assertEquals(0, del.code(), "namespace " + ns + " not deleted: " + del.output());
        }
    }

    /** netifrc's iproute2 commands for the plan's lines, per interface: link up, addresses, then routes. */
    static List<List<String>> steps(String ip, String ns, List<String> plan) {
        List<List<String>> out = new ArrayList<>();
        String iface = null;
        for (String line : plan) {
            List<String> base = new ArrayList<>(List.of(ip, "-n", ns));
            if (line.startsWith("[")) {
                iface = line.substring(1, line.length() - 1);
                base.addAll(List.of("link", "set", iface, "up"));
            } else if (line.startsWith("addr ")) {
                String cidr = line.substring("addr ".length());
                base.addAll(List.of("addr", "add", cidr));
                if (!cidr.contains(":")) {
                    base.addAll(List.of("broadcast", "+"));
                }
                base.addAll(List.of("dev", iface));
            } else if (line.startsWith("route ")) {
                String[] words = line.split(" ");
                if (words[1].equals("-6")) {
                    base.addAll(List.of("-f", "inet6"));
                }
                base.addAll(List.of("route", "append"));
                for (int w = 3; w < words.length; w++) {
                    base.add(words[w]);     // words[2] is -net/-host, which _add_route drops
                }
                base.addAll(List.of("dev", iface));
            } else {
                continue;                    // dns: written to resolv.conf by the system module, not ip
            }
            out.add(base);
        }
        return out;
    }

    private static String ok(Exec.Result r) {
        assertEquals(0, r.code(), r.output());
        return r.output();
    }
}
