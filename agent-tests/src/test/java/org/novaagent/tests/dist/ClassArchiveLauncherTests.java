/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.tests.support.LauncherHome;
import org.novaagent.tests.support.LauncherHome.Run;

/**
 * The packaged launcher's class archive (issue #14), run for real: {@code nova-agent
 * --refresh-class-archive} makes a static AppCDS archive that the next start maps, and a
 * damaged or stale archive never breaks a start (truncated, garbage, jars changed after it).
 */
class ClassArchiveLauncherTests {

    private static final String SHARED_MAIN = "org.novaagent.runtime.cli.Main source: shared objects file";

    @TempDir
    static Path dir;
    private static LauncherHome installed;
    private static Path home;
    private static Path archive;

    @BeforeAll
    static void installAndRefresh() throws Exception {
        installed = LauncherHome.install(dir);
        home = installed.home();
        archive = installed.archive();
        Run refresh = launcher(Map.of(), "--refresh-class-archive");
        assertEquals(0, refresh.exit(), () -> "refresh: " + refresh);
        assertTrue(Files.size(archive) > 1_000_000, "archive written");
        assertEquals(String.valueOf(Files.size(archive)), Files.readString(Path.of(archive + ".size")).strip());
        assertFalse(Files.exists(installed.runtime()), "no linked runtime for a given NOVA_AGENT_JAVA");
    }

    @Test
    void aFreshArchiveIsMappedByTheNextStart() throws Exception {
        Run run = launcher(Map.of("NOVA_AGENT_JAVA_OPTS", "-Xlog:class+load=info"), "version");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().contains(SHARED_MAIN), "the agent's classes come from the archive:\n" + head(run.out()));
    }

    /**
     * The training run answered requests waiting in an embedded XenStore, so the archive holds the
     * classes of the first replies (the request's JSON, the message loop), and only the daemon's: no
     * picocli (every archived class costs idle memory), no simulator.
     */
    @Test
    void theArchiveHoldsTheDaemonsFirstRepliesAndNotTheCli() throws Exception {
        Run run = launcher(Map.of("NOVA_AGENT_JAVA_OPTS", "-XX:+PrintSharedArchiveAndExit -XX:+PrintSharedDictionary"), "version");
        assertEquals(0, run.exit(), run::toString);
        for (String cls : List.of("org.novaagent.runtime.protocol.StreamingJson", "org.novaagent.runtime.loop.RequestProcessor",
                "org.novaagent.runtime.builtin.VersionCommandHandler", "com.fasterxml.jackson.core.json.ReaderBasedJsonParser")) {
            assertTrue(run.out().contains(" " + cls + " "), () -> cls + " is not archived:\n" + head(run.out()));
        }
        assertFalse(run.out().contains(" picocli."), "the CLI's picocli is not archived");
        assertFalse(run.out().contains(" org.novaagent.xenstore.sim."), "the training's simulator is not archived");
    }

    @Test
    void aTruncatedArchiveIsNotUsedAndTheAgentStarts() throws Exception {
        Path copy = damaged("truncated", bytes -> java.util.Arrays.copyOf(bytes, bytes.length / 3), true);
        assertStartsWithoutSharing(copy);
    }

    @Test
    void garbageOfTheRecordedSizeIsRejectedByTheJvmAndTheAgentStarts() throws Exception {
        Path copy = damaged("garbage", bytes -> {
            byte[] junk = new byte[bytes.length];
            new Random(14).nextBytes(junk);
            return junk;
        }, false);
        assertStartsWithoutSharing(copy);
    }

    @Test
    void anArchiveOlderThanAChangedJarIsIgnoredByTheJvm() throws Exception {
        Path jar;
        try (var jars = Files.list(home.resolve("lib"))) {
            jar = jars.filter(p -> p.getFileName().toString().startsWith("agent-runtime")).findFirst().orElseThrow();
        }
        FileTime was = Files.getLastModifiedTime(jar);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(was.toMillis() + 60_000));
        try {
            Run run = launcher(Map.of("NOVA_AGENT_JAVA_OPTS", "-Xlog:class+load=info"), "version");
            assertEquals(0, run.exit(), run::toString);
            assertFalse(run.out().contains(SHARED_MAIN), "a jar changed after the archive: not shared");
            assertTrue(run.out().lines().anyMatch(l -> !l.startsWith("[")), "version printed");
        } finally {
            Files.setLastModifiedTime(jar, was);
        }
    }

    private interface Damage {
        byte[] apply(byte[] bytes);
    }

    private static Path damaged(String name, Damage damage, boolean keepOldSize) throws IOException {
        Path copy = dir.resolve(name + "/classes.jsa");
        Files.createDirectories(copy.getParent());
        byte[] bad = damage.apply(Files.readAllBytes(archive));
        Files.write(copy, bad);
        Files.writeString(Path.of(copy + ".size"), (keepOldSize ? Files.size(archive) : bad.length) + "\n");
        return copy;
    }

    private static void assertStartsWithoutSharing(Path badArchive) throws Exception {
        Run run = installed.run(badArchive, Map.of("NOVA_AGENT_JAVA_OPTS", "-Xlog:class+load=info"), "version");
        assertEquals(0, run.exit(), run::toString);
        assertFalse(run.err().contains("fatal error"), run::toString);
        assertFalse(run.out().contains(SHARED_MAIN), "a damaged archive is not used");
    }

    private static Run launcher(Map<String, String> env, String... args) throws Exception {
        return installed.run(env, args);
    }

    private static String head(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }
}
