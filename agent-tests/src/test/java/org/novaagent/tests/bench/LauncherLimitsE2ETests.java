/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.host.HostReply;
import org.novaagent.host.HostSimulator;
import org.novaagent.host.NetworkSpec;
import org.novaagent.host.NetworkSpec.Ip;
import org.novaagent.host.NetworkSpec.Nic;
import org.novaagent.host.NetworkSpec.RouteSpec;
import org.novaagent.host.demo.DemoNetwork;
import org.novaagent.host.demo.Distro;
import org.novaagent.host.demo.DistroRootBuilder;
import org.novaagent.tests.xenstore.Oxenstored;
import org.novaagent.xenstore.TransactionalXenStoreClient;
import org.novaagent.xenstore.XenStoreConnector;

/**
 * Issue #14: the packaged launcher's memory limits ({@link BenchAgent#LEAN_FLAGS}: 32 MiB heap,
 * 256 KiB thread stacks, 16 MiB code cache, 48 MiB metaspace; {@code LauncherFlagsTests} keeps them
 * equal to the launcher's) are enough for the worst the host sends: the real agent on a Debian root,
 * through the real oxenstored, answers a burst of 1000 requests written back to back and then a
 * resetnetwork of three NICs carrying 60 addresses and 60 routes, without an {@code OutOfMemoryError}.
 */
class LauncherLimitsE2ETests {

    @TempDir
    Path work;

    @Test
    void aBurstOfAThousandAndALargeResetnetworkFitTheLaunchersLimits() throws Exception {
        try (Oxenstored daemon = Oxenstored.start(work.resolve("oxs"))) {
            Path root = DistroRootBuilder.build(work.resolve("root"), Distro.DEBIAN);
            Path logs = Files.createDirectories(work.resolve("logs"));
            Process agent = new ProcessBuilder(BenchAgent.command(BenchAgent.LEAN_FLAGS, List.of("run", "--xenstore",
                    daemon.socketPath().toString(), "--root", root.toString(), "--log-level", "warn")))
                    .redirectErrorStream(true).redirectOutput(logs.resolve("agent.log").toFile()).start();
            try (TransactionalXenStoreClient host = XenStoreConnector.openSocket(daemon.socketPath());
                 FirstReply burst = FirstReply.connect(daemon.socketPath())) {
                HostSimulator sim = new HostSimulator(host);
                sim.setDefaultTimeout(Duration.ofSeconds(120));
                assertTrue(sim.version().isSuccess(), "ready");
                burst.burst(1000, 1000, Duration.ofSeconds(300), agent::isAlive); // all answered 0, or it throws
                HostReply reset = sim.resetnetwork(largeNetwork());
                String log = Files.readString(logs.resolve("agent.log"));
                assertEquals("0", reset.returnCode(), reset + "\n" + log);
                assertTrue(agent.isAlive(), log);
                assertFalse(log.contains("OutOfMemoryError"), log);
                String written = networkFiles(root);
                assertTrue(written.contains("10.1.0.11") && written.contains("10.3.0.20")
                        && written.contains("172.18.20.0"), written);
                System.out.printf("agent at the launcher's limits after the burst and the resetnetwork: VmRSS %.1f MiB%n",
                        FootprintBench.rssMib(agent.pid()));
            } finally {
                BenchAgent.stop(agent);
            }
        }
    }

    /** @return the text of every file under the root's etc/network (what resetnetwork wrote) */
    private static String networkFiles(Path root) throws java.io.IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.walk(root.resolve("etc/network"))) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                all.append("== ").append(root.relativize(f)).append('\n').append(Files.readString(f));
            }
        }
        return all.toString();
    }

    /** The demo's three NICs, each with 12 IPv4 and 8 IPv6 addresses and 20 routes (under XenStore's 4 KiB). */
    private static NetworkSpec largeNetwork() {
        List<Nic> nics = new ArrayList<>();
        String[] macs = {DemoNetwork.ETH0_MAC, DemoNetwork.ETH1_MAC, DemoNetwork.ETH2_MAC};
        for (int n = 1; n <= 3; n++) {
            List<Ip> v4 = new ArrayList<>();
            List<Ip> v6 = new ArrayList<>();
            List<RouteSpec> routes = new ArrayList<>();
            for (int i = 9; i <= 20; i++) {
                v4.add(new Ip("10." + n + ".0." + i, 24, i == 9 && n == 1 ? Optional.of("10.1.0.1") : Optional.empty()));
            }
            for (int i = 1; i <= 8; i++) {
                v6.add(new Ip("2001:db8:" + n + "::" + i, 64, Optional.empty()));
            }
            for (int i = 1; i <= 20; i++) {
                routes.add(new RouteSpec("172." + (15 + n) + "." + i + ".0/24", Optional.of("10." + n + ".0.1")));
            }
            nics.add(new Nic("net" + n, macs[n - 1], v4, v6, routes, n == 1 ? List.of("192.0.2.53") : List.of()));
        }
        return new NetworkSpec(Optional.of("limits-test"), nics);
    }
}
