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

/**
 * The benchmark's "lean" row measures exactly the JVM flags the packaged launcher uses, and the
 * dev launcher {@code ./agent} runs with them too (issue #14).
 */
class LauncherFlagsTests {

    @Test
    void benchLeanFlagsAreTheLaunchersFlags() throws IOException {
        assertEquals(flags("../dist/linux-root/usr/sbin/nova-agent", "exec \"$java\"", "${NOVA_AGENT_JAVA_OPTS"),
                BenchAgent.LEAN_FLAGS);
    }

    @Test
    void devLauncherUsesTheLaunchersFlags() throws IOException {
        assertEquals(BenchAgent.LEAN_FLAGS, flags("../agent", "exec java", "${AGENT_JAVA_OPTS"));
    }

    /** The Windows launcher and service: the Linux launcher's flags up to its Linux-only idle-wake-up ones. */
    @Test
    void windowsLauncherAndServiceUseTheLaunchersMemoryFlags() throws IOException {
        List<String> lean = BenchAgent.LEAN_FLAGS.subList(0, BenchAgent.LEAN_FLAGS.indexOf("-XX:+IgnoreUnrecognizedVMOptions"));
        assertEquals(lean, org.novaagent.runtime.winservice.ServiceCommandLine.JVM_FLAGS);
        assertEquals(lean, flags("../dist/windows/nova-agent.cmd", "\"%JAVA_EXE%\"", "\"-Dnova.home"));
    }

    private static List<String> flags(String script, String from, String to) throws IOException {
        String text = Files.readString(Path.of(script));
        String exec = text.substring(text.indexOf(from), text.indexOf(to));
        return Arrays.stream(exec.replace("\\\n", " ").split("\\s+"))
                .filter(t -> t.startsWith("-X")).collect(Collectors.toList());
    }
}
