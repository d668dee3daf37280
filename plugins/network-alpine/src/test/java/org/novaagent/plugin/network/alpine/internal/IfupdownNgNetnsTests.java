/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.alpine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.testkit.ScenarioConfigs;
import org.novaagent.testkit.Exec;
import org.novaagent.testkit.RequiredTool;

/**
 * The spec 4.9 worked example (two NICs, secondary IPv4 and IPv6 addresses, routes) is really
 * brought up by ifupdown-ng's {@code ifup} and its own {@code static} executor in a throw-away
 * network namespace, on veth NICs carrying the scenario MACs, then taken down with
 * {@code ifdown}. ifupdown-ng's legacy hook directories ({@code /etc/network/if-*.d}) of this
 * machine run too, but only see the namespace. Needs root.
 */
class IfupdownNgNetnsTests {

    @Test
    void workedExampleComesUpAndGoesDownInANamespace(@TempDir Path tmp) throws IOException, InterruptedException {
        RequiredTool.requireRoot("ip netns add needs CAP_SYS_ADMIN");
        String ip = RequiredTool.require("ip", "creates the namespace and veth NICs").toString();
        String ifup = IfupdownNg.tool("ifup", "brings the rendered stanzas up");
        String ifdown = IfupdownNg.tool("ifdown", "takes them down again");
        NetworkConfig config = ScenarioConfigs.all().get("worked-example");
        Path file = Files.writeString(tmp.resolve("interfaces"), IfupdownNg.render(config));
        String state = tmp.resolve("ifstate").toString();
        String ns = "nova-ifng-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100000;

        ok(Exec.run(ip, "netns", "add", ns));
        try {
            int i = 0;
            for (NetInterface nic : config.interfaces()) {
                String peer = "peer" + i++;
                ok(Exec.run(ip, "-n", ns, "link", "add", nic.name(), "address", nic.mac(), "type", "veth",
                        "peer", "name", peer));
                ok(Exec.run(ip, "-n", ns, "link", "set", peer, "up"));
            }
            ok(Exec.run(command(ip, ns, ifup, file, state, config)));

            String eth0 = ok(Exec.run(ip, "-n", ns, "addr", "show", "dev", "eth0"));
            for (String a : List.of("inet 104.130.4.72/24", "inet 104.130.4.73/24",
                    "inet6 2001:4802:7802:104:be76:4eff:fe20:7572/64", "inet6 2001:4802:7802:104:be76:4eff:fe20:7573/64")) {
                assertTrue(eth0.contains(a), a + " on eth0:\n" + eth0);
            }
            String eth1 = ok(Exec.run(ip, "-n", ns, "addr", "show", "dev", "eth1"));
            assertTrue(eth1.contains("inet 10.208.227.239/19"), eth1);
            String routes = ok(Exec.run(ip, "-n", ns, "route"));
            for (String r : List.of("default via 104.130.4.1 dev eth0", "10.208.0.0/12 via 10.208.224.1 dev eth1",
                    "10.176.0.0/12 via 10.208.224.1 dev eth1")) {
                assertTrue(routes.contains(r), r + " in:\n" + routes);
            }
            String routes6 = ok(Exec.run(ip, "-n", ns, "-6", "route"));
            assertTrue(routes6.contains("default via fe80::def dev eth0"), routes6);

            ok(Exec.run(command(ip, ns, ifdown, file, state, config)));
            String after = ok(Exec.run(ip, "-n", ns, "route"));
            assertFalse(after.contains("10.208.0.0/12"), after);
            assertFalse(ok(Exec.run(ip, "-n", ns, "addr", "show", "dev", "eth0")).contains("104.130.4.73"));
        } finally {
            Exec.Result del = Exec.run(ip, "netns", "del", ns);
            assertEquals(0, del.code(), "namespace " + ns + " not deleted: " + del.output());
        }
    }

    /** {@code ip netns exec NS ifup|ifdown -l -E EXECUTORS -i FILE -S STATE <interfaces>}. */
    private static List<String> command(String ip, String ns, String tool, Path file, String state,
                                        NetworkConfig config) {
        List<String> out = new ArrayList<>(List.of(ip, "netns", "exec", ns, tool, "-l",
                "-E", IfupdownNg.EXECUTORS.toString(), "-i", file.toString(), "-S", state));
        out.addAll(IfupdownNg.names(config));
        return out;
    }

    private static String ok(Exec.Result r) {
        assertEquals(0, r.code(), r.output());
        return r.output();
    }
}
