/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.network.testkit.Scenario;
import org.novaagent.network.testkit.Scenario.SysfsNic;
import org.novaagent.network.testkit.ScenarioLoader;

class NicDiscoveryTests {

    @Test
    void onlyRealNicsSurviveTunTapVethDockerBridgeLoWireguard(@TempDir Path root) throws Exception {
        ScenarioLoader.load("tun-and-docker-present").writeSysfs(root);
        assertEquals(List.of(new LocalNic("eth0", "bc:76:4e:20:75:72")), NicDiscovery.discover(root));
    }

    @Test
    void upperCaseMacsAreNormalisedAndNaturalOrderIsUsed(@TempDir Path root) throws Exception {
        sysfs(root, new SysfsNic("eth10", "BC:76:4E:20:00:10", "xen"), new SysfsNic("eth2", "BC:76:4E:20:00:02", "ethernet"));
        assertEquals(List.of(new LocalNic("eth2", "bc:76:4e:20:00:02"), new LocalNic("eth10", "bc:76:4e:20:00:10")),
                NicDiscovery.discover(root));
        assertEquals("bc:76:4e:20:00:02", NicDiscovery.discover(root).get(0).mac());
    }

    @Test
    void duplicateMacsSkipEveryHolder(@TempDir Path root) throws Exception {
        sysfs(root, new SysfsNic("eth0", "bc:76:4e:20:00:01", "xen"), new SysfsNic("eth1", "BC:76:4E:20:00:01", "xen"),
                new SysfsNic("eth2", "bc:76:4e:20:00:03", "xen"));
        assertEquals(List.of(new LocalNic("eth2", "bc:76:4e:20:00:03")), NicDiscovery.discover(root));
    }

    @Test
    void oddEntriesNeverFail(@TempDir Path root) throws Exception {
        sysfs(root, new SysfsNic("eth0", "", "xen"), new SysfsNic("eth1", "00:00:00:00:00:00", "xen"),
                new SysfsNic("eth2", "garbage", "xen"), new SysfsNic("weird0", "bc:76:4e:20:00:04", "ethernet"),
                new SysfsNic("bond0", "bc:76:4e:20:00:05", "bond"), new SysfsNic("eth0.100", "bc:76:4e:20:00:06", "vlan"),
                new SysfsNic("eth3", "bc:76:4e:20:00:07", "xen"));
        Files.writeString(root.resolve("sys/class/net/stray-file"), "x");
        Files.createDirectories(root.resolve("sys/class/net/empty0"));
        Files.writeString(root.resolve("sys/class/net/eth3/type"), "1\n");
        assertEquals(List.of(new LocalNic("eth3", "bc:76:4e:20:00:07")), NicDiscovery.discover(root));
    }

    @Test
    void nonEthernetTypeIsSkipped(@TempDir Path root) throws Exception {
        sysfs(root, new SysfsNic("eth0", "bc:76:4e:20:00:01", "xen"));
        Files.writeString(root.resolve("sys/class/net/eth0/type"), "32\n");
        assertEquals(List.of(), NicDiscovery.discover(root));
    }

    @Test
    void missingSysfsGivesNoNics(@TempDir Path root) {
        assertEquals(List.of(), NicDiscovery.discover(root));
    }

    private static void sysfs(Path root, SysfsNic... nics) throws Exception {
        new Scenario("t", Map.of(), List.of(nics), Optional.empty()).writeSysfs(root);
    }
}
