/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.netplan.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.novaagent.network.FileStager;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.NicDiscovery;
import org.novaagent.network.OwnedFiles;
import org.novaagent.network.RendererOptions;
import org.novaagent.network.XenStoreNetworkParser;
import org.novaagent.network.testkit.Scenario;
import org.novaagent.network.testkit.Scenario.SysfsNic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not a test (not run by surefire): measures discover + parse + render + stage for 4 NICs, warm,
 * both when the file changes (write + fsync + rename) and on a repeat (compare only). Run with
 * the test class path, see README. Prints through SLF4J (slf4j-simple on the test class path).
 */
public final class NetplanBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(NetplanBenchmark.class);

    private NetplanBenchmark() {
    }

    /**
     * @param args optional iteration count (default 2000)
     * @throws Exception on I/O failure
     */
    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path root = Files.createTempDirectory("netplan-bench");
        try {
            Map<String, String> xs = new LinkedHashMap<>();
            List<SysfsNic> nics = new ArrayList<>();
            for (int n = 0; n < 4; n++) {
                String mac = String.format("bc:76:4e:20:00:%02x", n);
                nics.add(new SysfsNic("eth" + n, mac, "xen"));
                xs.put("vm-data/networking/" + mac.replace(":", "").toUpperCase(), String.format(
                        "{\"label\":\"net%d\",\"mac\":\"%s\",\"ips\":[{\"ip\":\"10.%d.0.10\",\"netmask\":\"255.255.255.0\","
                        + "\"enabled\":\"1\"},{\"ip\":\"10.%d.0.11\",\"netmask\":\"255.255.255.0\",\"enabled\":\"1\"}],"
                        + "\"gateway\":\"10.%d.0.1\",\"ip6s\":[{\"ip\":\"2001:db8:%d::10\",\"netmask\":64,\"enabled\":\"1\"}],"
                        + "\"gateway_v6\":\"fe80::1\",\"dns\":[\"8.8.8.8\",\"8.8.4.4\"],\"routes\":[{\"route\":\"172.%d.0.0\","
                        + "\"netmask\":\"255.255.0.0\",\"gateway\":\"10.%d.0.1\"}]}", n, mac, n, n, n, n, 16 + n, n));
            }
            xs.put("vm-data/hostname", "bench01");
            Scenario s = new Scenario("bench", xs, nics, Optional.empty());
            s.writeSysfs(root);
            Files.createDirectories(root.resolve("etc/netplan"));
            run(root, s, iterations, true);
            run(root, s, iterations, false);
            LOG.info("parse + render only:              {} ms/op", String.format("%.3f", parseRender(s, iterations)));
            LOG.info("changed file (write+fsync+rename): {} ms/op", String.format("%.3f", run(root, s, iterations, true)));
            LOG.info("unchanged repeat (compare only):   {} ms/op", String.format("%.3f", run(root, s, iterations, false)));
        } finally {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static double run(Path root, Scenario s, int iterations, boolean change) throws Exception {
        XenStoreNetworkParser parser = new XenStoreNetworkParser();
        NetplanRenderer renderer = new NetplanRenderer();
        FileStager stager = new FileStager(root);
        long start = System.nanoTime();
        for (int k = 0; k < iterations; k++) {
            NetworkConfig c = parser.read(s.xenStore(), NicDiscovery.discover(root));
            var files = renderer.render(c, RendererOptions.defaults());
            if (change) {
                files = List.of(new org.novaagent.network.RenderedFile(files.get(0).path(),
                        files.get(0).content() + "# " + (k & 1) + "\n", files.get(0).mode()));
            }
            stage(stager, files);
        }
        return (System.nanoTime() - start) / 1e6 / iterations;
    }

    private static double parseRender(Scenario s, int iterations) throws Exception {
        XenStoreNetworkParser parser = new XenStoreNetworkParser();
        NetplanRenderer renderer = new NetplanRenderer();
        List<org.novaagent.network.LocalNic> nics = List.of(new org.novaagent.network.LocalNic("eth0", "bc:76:4e:20:00:00"),
                new org.novaagent.network.LocalNic("eth1", "bc:76:4e:20:00:01"),
                new org.novaagent.network.LocalNic("eth2", "bc:76:4e:20:00:02"),
                new org.novaagent.network.LocalNic("eth3", "bc:76:4e:20:00:03"));
        int size = 0;
        long start = System.nanoTime();
        for (int k = 0; k < iterations; k++) {
            size += renderer.render(parser.parse(s.networkingEntries(), s.hostname(), nics), RendererOptions.defaults())
                    .get(0).content().length();
        }
        double ms = (System.nanoTime() - start) / 1e6 / iterations;
        return size > 0 ? ms : -1;
    }

    private static void stage(FileStager stager, List<org.novaagent.network.RenderedFile> files) throws IOException {
        stager.stage(files, OwnedFiles.of(NetplanRenderer.PATH));
    }
}
