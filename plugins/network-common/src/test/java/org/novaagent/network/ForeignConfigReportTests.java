/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.HealthFinding;
import org.novaagent.api.HostFacts;
import org.novaagent.network.testkit.ForeignFixtures;
import org.novaagent.network.testkit.ScratchContexts;
import org.novaagent.testkit.TestCommandContext;

/**
 * {@code agent doctor}'s takeover preview over scratch Debian roots, with the real ENI detector and
 * the real 2.x and cloud-init files of {@code foreign/}: a healthy root passes, each foreign file
 * that configures one of the agent's NICs fails with the takeover as its fix, and the agent's NICs
 * are the host's when XenStore has their data, else every NIC of the target.
 */
class ForeignConfigReportTests {

    @TempDir
    Path root;

    private TestCommandContext ctx;

    @BeforeEach
    void debianWithTwoNics() throws Exception {
        ctx = ScratchContexts.of(root, HostFacts.OsFamily.DEBIAN, "debian", "12");
        ctx.nic("eth0", "bc:76:4e:20:75:72").nic("eth1", "bc:76:4e:20:75:73");
        ctx.file("/etc/network/interfaces", "source /etc/network/interfaces.d/*\n");
    }

    private List<HealthFinding> check(ForeignConfigDetector detector) throws Exception {
        List<HealthFinding> out = new ForeignConfigReport(NicSource.SYSFS).check(ctx, detector);
        out.forEach(f -> assertEquals(ForeignConfigReport.TOPIC, f.topic()));
        return out;
    }

    private static String text(List<HealthFinding> findings) {
        return findings.stream().map(HealthFinding::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void healthyRootPasses() throws Exception {
        assertEquals(List.of(HealthFinding.ok("overrides",
                "no other tool configures eth0, eth1 (every NIC of the target; no network data read from XenStore)")), check(new EniForeignConfig()));
    }

    @Test
    void twoXInterfacesFileFailsWithTheTakeover() throws Exception {
        ForeignFixtures.install(root, "nova-agent-2x/interfaces", "etc/network/interfaces");
        List<HealthFinding> found = check(new EniForeignConfig());
        assertEquals(1, found.size(), text(found));
        assertEquals(HealthFinding.Level.FAIL, found.get(0).level(), text(found));
        assertTrue(found.get(0).message().startsWith("etc/network/interfaces (nova-agent 2.x) configures eth0, eth1"
                + " and overrides the agent's configuration; resetnetwork would replace it"), text(found));
        assertTrue(found.get(0).fix().startsWith("nova-agent call resetnetwork"), text(found));
    }

    @Test
    void cloudInitStanzasSourcedFromInterfacesFail() throws Exception {
        ForeignFixtures.install(root, "cloud-init/50-cloud-init", "etc/network/interfaces.d/50-cloud-init");
        List<HealthFinding> found = check(new EniForeignConfig());
        assertEquals(1, found.size(), text(found));
        assertEquals(HealthFinding.Level.FAIL, found.get(0).level(), text(found));
        assertTrue(found.get(0).message().startsWith("etc/network/interfaces.d/50-cloud-init (cloud-init) configures eth0"), text(found));
    }

    @Test
    void theHostsNicsWhenXenStoreHasTheirData() throws Exception {
        ForeignFixtures.install(root, "cloud-init/50-cloud-init", "etc/network/interfaces.d/50-cloud-init");
        ctx.xenStoreData().put("vm-data/networking/BC764E207573", "{\"mac\":\"BC:76:4E:20:75:73\",\"label\":\"private\","
                + "\"ips\":[{\"ip\":\"10.0.0.5\",\"netmask\":\"255.255.255.0\",\"enabled\":\"1\"}]}");
        assertEquals(List.of(HealthFinding.ok("overrides", "no other tool configures eth1 (the NICs the host configures)")),
                check(new EniForeignConfig()), "cloud-init configures eth0, which the host does not list");
        ctx.xenStoreData().put("vm-data/networking/BC764E207572", "{\"mac\":\"BC:76:4E:20:75:72\",\"label\":\"public\","
                + "\"ips\":[{\"ip\":\"192.0.2.5\",\"netmask\":\"255.255.255.0\",\"enabled\":\"1\"}]}");
        List<HealthFinding> found = check(new EniForeignConfig());
        assertEquals(1, found.size(), text(found));
        assertEquals(HealthFinding.Level.FAIL, found.get(0).level());
    }

    @Test
    void cloudInitWithoutTheDropInWarnsAlsoForAHandlerWithoutDetector() throws Exception {
        Files.createDirectories(root.resolve("etc/cloud/cloud.cfg.d"));
        List<HealthFinding> found = check(ForeignConfigDetector.NONE);
        assertEquals(1, found.size(), text(found));
        assertEquals(HealthFinding.Level.WARN, found.get(0).level());
        assertTrue(found.get(0).message().contains(ForeignConfigTakeover.CLOUD_INIT_DROP_IN), text(found));
        ctx.file("/" + ForeignConfigTakeover.CLOUD_INIT_DROP_IN, ForeignConfigTakeover.cloudInitDropIn());
        assertEquals(List.of(HealthFinding.ok("overrides", "cloud-init told not to write network configuration ("
                + ForeignConfigTakeover.CLOUD_INIT_DROP_IN + ")")), check(ForeignConfigDetector.NONE));
    }
}
