/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.suse.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.HostFacts;
import org.novaagent.testkit.TestCommandContext;
import org.novaagent.testkit.TestHostFacts;

/** Which stack a SUSE root gets: the network.service alias first, then what is installed. */
class SuseStackTests {

    private static HostFacts facts(Path root) {
        return TestHostFacts.builder(root).os("opensuse-tumbleweed", "20261201").family(HostFacts.OsFamily.SUSE).build();
    }

    private static void alias(Path root, String unit) throws IOException {
        Path link = root.resolve(SuseStack.NETWORK_SERVICE);
        Files.createDirectories(link.getParent());
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, Path.of("/usr/lib/systemd/system/" + unit));
    }

    @Test
    void bothInstalledTheAliasDecides(@TempDir Path root) throws IOException {
        TestCommandContext ctx = TestCommandContext.builder(root).hostFacts(facts(root)).build();
        ctx.tool("/usr/sbin/wicked").tool("/usr/bin/nmcli");
        Files.createDirectories(root.resolve("etc/sysconfig/network"));
        Files.createDirectories(root.resolve("etc/NetworkManager"));
        assertEquals(Optional.of(SuseStack.WICKED), SuseStack.detect(facts(root)).stack(), "no alias: wicked first");
        alias(root, "NetworkManager.service");
        assertEquals(Optional.of(SuseStack.NETWORK_MANAGER), SuseStack.detect(facts(root)).stack());
        alias(root, "wicked.service");
        assertEquals(Optional.of(SuseStack.WICKED), SuseStack.detect(facts(root)).stack());
    }

    @Test
    void networkManagerAloneAndABrokenAliasAndNothing(@TempDir Path root) throws IOException {
        SuseStack.Choice none = SuseStack.detect(facts(root));
        assertTrue(none.stack().isEmpty() && none.reason().contains("neither wicked"), none.reason());
        TestCommandContext ctx = TestCommandContext.builder(root).hostFacts(facts(root)).build();
        ctx.tool("/usr/bin/nmcli");
        Files.createDirectories(root.resolve("etc/NetworkManager"));
        assertEquals(Optional.of(SuseStack.NETWORK_MANAGER), SuseStack.detect(facts(root)).stack());
        alias(root, "wicked.service");
        SuseStack.Choice broken = SuseStack.detect(facts(root));
        assertTrue(broken.stack().isEmpty() && broken.reason().contains("network.service is wicked but"), broken.reason());
    }
}
