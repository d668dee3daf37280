/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.runtime.winservice.ClassArchiveRefresh;
import org.novaagent.runtime.winservice.ServiceCommandLine;
import org.novaagent.tests.support.LauncherHome;

/**
 * The Windows service's class archive (issue #14), made for real on this machine's JVM:
 * {@link ClassArchiveRefresh} (run by {@code service install} and {@code service refresh-class-archive})
 * trains on an install laid out as the zip lays it out ({@code lib}, {@code modules}, {@code training}),
 * and the service's own JVM flags then map it: the agent's classes and the first replies' come from
 * it. A failed refresh keeps the old archive and leaves nothing behind. (Only the JVM and the paths
 * differ on Windows; the service binary's command line is checked in {@code ServiceCommandLineTests}.)
 */
class ServiceClassArchiveTests {

    @TempDir
    static Path dir;
    private static LauncherHome installed;
    private static Path archive;
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @BeforeAll
    static void installAsTheZipDoes() throws Exception {
        installed = LauncherHome.install(dir);
        Path training = Files.createDirectories(installed.home().resolve("training"));
        try (Stream<Path> lib = Files.list(installed.home().resolve("lib"))) {
            for (Path jar : lib.toList()) { // package.sh's DEV_ONLY: the simulator goes to training/, agent-host nowhere
                String name = jar.getFileName().toString();
                if (name.startsWith("xenstore-sim-")) {
                    Files.move(jar, training.resolve(jar.getFileName()));
                } else if (name.startsWith("agent-host")) {
                    Files.delete(jar);
                }
            }
        }
        archive = dir.resolve("ProgramData/nova-agent/classes.jsa");
        long size = new ClassArchiveRefresh(JAVA, installed.home(), archive).refresh();
        assertEquals(Files.size(archive), size);
    }

    @Test
    void theServicesFlagsMapTheArchiveWithTheFirstRepliesClasses() throws Exception {
        String out = agent("-Xlog:class+load=info", "version");
        assertTrue(out.contains("org.novaagent.runtime.cli.Main source: shared objects file"), () -> head(out));
        String dict = agent("-XX:+PrintSharedArchiveAndExit -XX:+PrintSharedDictionary", "version");
        for (String cls : List.of("org.novaagent.runtime.loop.RequestProcessor", "org.novaagent.runtime.builtin.VersionCommandHandler",
                "com.fasterxml.jackson.core.json.ReaderBasedJsonParser")) {
            assertTrue(dict.contains(" " + cls + " "), () -> cls + " is not archived:\n" + head(dict));
        }
        assertFalse(dict.contains(" org.novaagent.xenstore.sim."), "the training's simulator is not archived");
        try (Stream<Path> left = Files.list(archive.getParent())) {
            assertEquals(List.of(archive), left.toList(), "only the archive: no refresh directory left");
        }
    }

    @Test
    void aFailedRefreshSaysWhyAndKeepsTheOldArchive() throws Exception {
        byte[] before = Files.readAllBytes(archive);
        Path broken = dir.resolve("broken-home");
        Files.createDirectories(broken.resolve("training"));
        Files.write(broken.resolve("training/xenstore-sim-3.0.0.jar"), new byte[] {1, 2, 3});
        IOException e = assertThrows(IOException.class, () -> new ClassArchiveRefresh(JAVA, broken, archive).refresh());
        assertTrue(e.getMessage().startsWith("the training run failed (exit code 1): "), e.getMessage());
        assertTrue(e.getMessage().contains("Error") || e.getMessage().contains("Exception"), e.getMessage());
        assertTrue(Arrays.equals(before, Files.readAllBytes(archive)), "the old archive is kept");
        try (Stream<Path> left = Files.list(archive.getParent())) {
            assertEquals(List.of(archive), left.toList(), "no refresh directory left");
        }
        IOException none = assertThrows(IOException.class,
                () -> new ClassArchiveRefresh(JAVA, dir.resolve("no-home"), archive).refresh());
        assertTrue(none.getMessage().startsWith("no training module (xenstore-sim-*.jar) in "), none.getMessage());
    }

    /** Runs the agent with the service binary's JVM flags (and its archive) plus {@code extra}. */
    private static String agent(String extra, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(JAVA.toString()));
        cmd.addAll(ServiceCommandLine.JVM_FLAGS);
        cmd.add("-XX:SharedArchiveFile=" + archive);
        cmd.addAll(List.of(extra.split(" ")));
        cmd.addAll(List.of("--module-path", installed.home().resolve("lib") + ":" + installed.home().resolve("modules"),
                "--add-modules", "ALL-MODULE-PATH", "-m", "org.novaagent.runtime/org.novaagent.runtime.cli.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the agent ends");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static String head(String s) {
        return s.lines().limit(40).reduce("", (a, b) -> a + b + "\n");
    }
}
