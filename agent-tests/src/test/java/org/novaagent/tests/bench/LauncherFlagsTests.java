/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The benchmark's "lean" row measures exactly the JVM flags the packaged launcher uses. */
class LauncherFlagsTests {

    @Test
    void benchLeanFlagsAreTheLaunchersFlags() throws IOException {
        String launcher = Files.readString(Path.of("../dist/linux-root/usr/sbin/nova-agent"));
        String exec = launcher.substring(launcher.indexOf("exec \"$java\""), launcher.indexOf("${NOVA_AGENT_JAVA_OPTS"));
        List<String> flags = Arrays.stream(exec.replace("\\\n", " ").split("\\s+"))
                .filter(t -> t.startsWith("-X")).collect(Collectors.toList());
        assertEquals(flags, BenchAgent.LEAN_FLAGS);
    }
}
