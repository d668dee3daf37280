/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.freebsd.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.novaagent.network.OwnedFiles;
import org.novaagent.network.testkit.GoldenTrees;
import org.novaagent.network.testkit.ScenarioLoader;
import org.novaagent.network.testkit.ScenarioRunner;

/**
 * Every shared scenario run through the real flow into a scratch root holding a FreeBSD cloud
 * image's rc.conf (DHCP on the first NIC, ifconfig_DEFAULT, unrelated services), compared as a
 * whole tree with {@code src/test/resources/golden/<scenario>/}. The shared scenarios name their
 * NICs eth0..; on FreeBSD they are xn0.., which only changes the variable names.
 * {@code -Dgolden.update=true} rewrites the trees.
 */
class RcConfGoldenTests {

    /** What a FreeBSD cloud image's rc.conf holds before the agent runs. */
    static final String IMAGE_RC_CONF = "hostname=\"freebsd\"\nifconfig_DEFAULT=\"DHCP inet6 accept_rtadv\"\n"
            + "ifconfig_eth0=\"DHCP\"\nsshd_enable=\"YES\"\ngrowfs_enable=\"YES\"\n";

    /** Scenarios rc.conf cannot express; none. */
    static final Set<String> SKIPPED = Set.of();

    static Stream<String> scenarios() {
        return ScenarioLoader.namesExcept(SKIPPED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void matchesGoldenTree(String scenario, @TempDir Path root) throws IOException, InterruptedException {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve(RcConfRenderer.RC_CONF), IMAGE_RC_CONF);
        ScenarioRunner.run(ScenarioLoader.load(scenario), root, new RcConfRenderer(), ResetNetworkCommandHandler.OPTIONS,
                new FreebsdApplier(), OwnedFiles.none());
        GoldenTrees.assertTree(Path.of("src/test/resources/golden", scenario), root);
    }
}
