/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.novaagent.testkit.RequiredTool;

/**
 * Every shell script the project ships or runs (CI entry, ./agent, the packaged launcher and
 * maintainer scripts, the package builder and verifier, the oxenstored launcher) passes
 * {@code shellcheck} at its strictest severity.
 */
class ShellScriptsTests {

    private static final Path TOP = Path.of("..");

    @Test
    void scriptsAreShellcheckClean() throws Exception {
        RequiredTool.require("shellcheck", "lints the shell scripts");
        List<String> scripts = new ArrayList<>(List.of(".ci/run", "agent", "dist/package.sh", "dist/verify-packages.sh",
                "dist/linux-root/usr/sbin/nova-agent", "dist/deb-common/preinst", "dist/deb-common/postinst",
                "dist/deb-common/prerm", "dist/deb-common/postrm", "bench/agent-bench.sh", "dist/openrc/nova-agent.initd",
                "dist/freebsd/nova_agent", "dist/linux-root/usr/lib/nova-agent/restore-network-config",
                "dist/portable/install.sh", "dist/portable/make-tarball.sh", "dist/portable/verify-portable.sh", "dist/man/generate-docs.sh",
                "dist/boot-tests.sh", "dist/boot-probe.sh", "dist/fake-2x.sh"));
        try (Stream<Path> xs = Files.list(TOP.resolve("agent-tests/src/test/xenstore"))) {
            xs.filter(p -> p.toString().endsWith(".sh")).map(p -> TOP.relativize(p).toString()).forEach(scripts::add);
        }
        for (String s : scripts) {
            assertEquals(true, Files.isRegularFile(TOP.resolve(s)), s + " is missing");
        }
        List<String> cmd = new ArrayList<>(List.of("shellcheck", "-S", "info"));
        cmd.addAll(scripts);
        Process p = new ProcessBuilder(cmd).directory(TOP.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), () -> "shellcheck " + scripts.stream().collect(Collectors.joining(" ")) + "\n" + out);
    }
}
