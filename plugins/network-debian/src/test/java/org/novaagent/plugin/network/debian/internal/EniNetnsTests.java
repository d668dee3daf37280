/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.debian.internal;

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
import org.novaagent.testkit.RequiredTool;
import org.novaagent.testkit.Exec;

/**
 * Brings the worked example (spec 4.9: two NICs, secondary IPv4 and IPv6, v6 link-local
 * gateway, static routes) up for real with ifupdown inside a throw-away network namespace,
 * on veth interfaces named and addressed like the guest's NICs, then takes it down again.
 * The namespace isolates links, addresses and routes from the host; ifupdown's hook scripts
 * in /etc/network/if-*.d run but only see the namespace (test-tools.md 2.2).
 */
class EniNetnsTests {

    @Test
    void workedExampleComesUpAndGoesDownInANamespace(@TempDir Path tmp) throws IOException, InterruptedException {
        RequiredTool.requireRoot("ip netns add needs CAP_SYS_ADMIN");
        String ip = RequiredTool.require("ip", "creates the namespace and veth NICs").toString();
        String ifup = RequiredTool.require("ifup", "brings the rendered stanzas up").toString();
        String ifdown = RequiredTool.require("ifdown", "takes them down again").toString();
        NetworkConfig config = ScenarioConfigs.all().get("worked-example");
        Path file = Files.writeString(tmp.resolve("interfaces"), EniToolValidationTests.effectiveFile(config, "block"));
        Path state = Files.createDirectories(tmp.resolve("state"));
        String ns = "nova-eni-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100000;

        ok(Exec.run(ip, "netns", "add", ns));
        try {
            int i = 0;
            for (NetInterface nic : config.interfaces()) {
                String peer = "peer" + i++;
                ok(Exec.run(ip, "-n", ns, "link", "add", nic.name(), "address", nic.mac(), "type", "veth",
                        "peer", "name", peer));
                ok(Exec.run(ip, "-n", ns, "link", "set", peer, "up"));
            }
            List<String> up = new ArrayList<>(List.of(ip, "netns", "exec", ns, ifup, "-i", file.toString(),
                    "--state-dir=" + state));
            up.addAll(EniRenderer.interfaceNames(config));
            ok(Exec.run(up));

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

            List<String> down = new ArrayList<>(List.of(ip, "netns", "exec", ns, ifdown, "-i", file.toString(),
                    "--state-dir=" + state));
            down.addAll(EniRenderer.interfaceNames(config));
            ok(Exec.run(down));
            String after = ok(Exec.run(ip, "-n", ns, "route"));
            assertFalse(after.contains("10.208.0.0/12"), after);
            assertFalse(ok(Exec.run(ip, "-n", ns, "addr", "show", "dev", "eth0")).contains("104.130.4.73"));
        } finally {
            Exec.Result del = Exec.run(ip, "netns", "del", ns);
            assertEquals(0, del.code(), "namespace " + ns + " not deleted: " + del.output());
        }
    }

    private static String ok(Exec.Result r) {
        assertEquals(0, r.code(), r.output());
        return r.output();
    }
}
