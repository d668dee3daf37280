/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.alpine.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.novaagent.network.NetInterface;
import org.novaagent.network.NetworkConfig;
import org.novaagent.network.RenderedFile;
import org.novaagent.network.RendererOptions;
import org.novaagent.testkit.RequiredTool;

/**
 * Where the tests find ifupdown-ng. Debian's {@code ifupdown-ng} package conflicts with
 * {@code ifupdown}, which the Debian plugin's tests need, so it is never installed: {@code .ci/run}
 * unpacks it with {@code apt-get download ifupdown-ng && dpkg-deb -x} into {@code /opt/ifupdown-ng}
 * (or {@code $IFUPDOWN_NG_ROOT}).
 */
final class IfupdownNg {

    static final Path ROOT = Path.of(System.getenv().getOrDefault("IFUPDOWN_NG_ROOT", "/opt/ifupdown-ng"));
    /** Its executors ({@code link}, {@code static}, ...), passed with {@code -E}. */
    static final Path EXECUTORS = ROOT.resolve("usr/libexec/ifupdown-ng");

    private IfupdownNg() {
    }

    /**
     * @param tool {@code ifparse}, {@code ifquery}, {@code ifup} or {@code ifdown}
     * @param why  what the test needs it for
     * @return the unpacked binary (skips, or fails under {@code CI=true}, when it is not there)
     */
    static String tool(String tool, String why) {
        Path path = ROOT.resolve("sbin").resolve(tool);
        RequiredTool.requireInstalled(path, "ifupdown-ng (unpacked into " + ROOT + " by .ci/run)", why);
        return path.toString();
    }

    /** The main file Alpine's ifupdown-ng reads after rendering {@code config} over Alpine's default. */
    static String render(NetworkConfig config) {
        List<RenderedFile> files = new IfupdownNgRenderer().render(config,
                new RendererOptions(Map.of(), Map.of(IfupdownNgRenderer.INTERFACES, IfupdownNgGoldenTests.ALPINE_MAIN)));
        return files.get(0).content();
    }

    static List<String> names(NetworkConfig config) {
        List<String> out = new ArrayList<>();
        config.interfaces().stream().map(NetInterface::name).forEach(out::add);
        return out;
    }
}
