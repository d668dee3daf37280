/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.host.HostReply;
import org.novaagent.host.demo.Distro;
import org.novaagent.host.demo.DistroRootBuilder;
import org.novaagent.testkit.RequiredTool;
import org.novaagent.tests.support.LauncherHome;
import org.novaagent.tests.support.LauncherHome.Run;

/**
 * The packaged launcher's linked runtime (issue #14), for real: on a machine whose Java is a JDK,
 * {@code nova-agent --refresh-class-archive} jlinks the JDK's modules and the agent's into one image
 * with its own class archive; the daemon then starts from it (no module path, so the JVM keeps its
 * optimised module handling) and answers the real oxenstored. It is used only while current: a
 * changed jar, a dropped-in plugin or another build of the JDK sends the start back to the module
 * path, and a drop-in plugin's JDK modules are linked in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkedRuntimeE2ETests {

    /**
     * Long enough that a socket under {@code cache/.refresh.XXXXXX/train-runtime} would not fit a Unix
     * socket address (108 bytes), as in the bench's and CI's scratch directories: the training must
     * still answer its requests (it once failed there, and the archives lost the replies' classes).
     */
    private static final String LONG_DIRECTORY = "installed-under-a-directory-whose-path-is-longer-than-a-unix-socket-allows";

    @TempDir
    static Path dir;

    private XenStoreStage stage;
    private LauncherHome installed;
    private Path jdk;

    @BeforeAll
    void linkAndStart() throws Exception {
        jdk = distributionJdk();
        RequiredTool.requireInstalled(jdk.resolve("jmods/java.base.jmod"), "openjdk-17-jdk-headless",
                "the launcher links its runtime with the JDK's jlink and jmods");
        RequiredTool.require("strip", "the launcher strips the runtime's libjvm.so (binutils)");
        long trainingDirs = trainingDirectories();
        installed = refreshed(dir.resolve(LONG_DIRECTORY));
        assertEquals(trainingDirs, trainingDirectories(), "the training's own socket directory is removed");
        stage = XenStoreStage.start(dir, Duration.ofSeconds(60));
    }

    @AfterAll
    void stop() {
        if (stage != null) {
            stage.close();
        }
    }

    @Test
    void theDaemonStartsFromTheLinkedRuntimeAndAnswers() throws Exception {
        Path root = DistroRootBuilder.build(dir.resolve("root"), Distro.DEBIAN);
        Path classes = dir.resolve("classes.log");
        Path out = dir.resolve("run.out");
        Path err = dir.resolve("run.err");
        Process agent = installed.startAsInstalled(Map.of("INVOCATION_ID", "e2e", "NOVA_AGENT_JAVA_OPTS",
                        "-XshowSettings:properties -Xlog:cds=info -Xlog:class+load=info:file=" + classes), out, err,
                "run", "--xenstore", stage.daemon().socketPath().toString(), "--root", root.toString());
        try {
            HostReply reply = stage.sim().version();
            assertEquals("0", reply.returnCode(), () -> "agent: " + read(err));
        } finally {
            agent.destroy();
            assertTrue(agent.waitFor(30, TimeUnit.SECONDS), "the agent stops at SIGTERM");
        }
        assertEquals(installed.runtime().toString(), javaHome(read(err)), "the JVM is the linked runtime's");
        assertTrue(read(out).contains("optimized module handling: enabled"), "no module path:\n" + read(out));
        assertTrue(read(classes).contains("org.novaagent.runtime.cli.Main source: shared objects file"),
                "the agent's classes come from the runtime's archive");
        assertTrue(Files.size(installed.runtime().resolve("lib/server/libjvm.so"))
                < Files.size(jdk.resolve("lib/server/libjvm.so")), "the runtime's libjvm.so is stripped");
    }

    /** Both archives (the runtime's, and the module path's for another Java) hold the first replies' classes. */
    @Test
    void bothArchivesHoldTheFirstRepliesThoughTheCachePathIsLong() throws Exception {
        assertTrue(installed.archive().toString().length() > 108 - "/.refresh.XXXXXX/train-runtime/xenstore.sock".length());
        Map<String, String> print = Map.of("NOVA_AGENT_JAVA_OPTS", "-XX:+PrintSharedArchiveAndExit -XX:+PrintSharedDictionary");
        Run linked = installed.runAsInstalled(print, "version");
        Run modulePath = installed.run(print, "version");
        for (Run run : new Run[] {linked, modulePath}) {
            assertEquals(0, run.exit(), run::toString);
            for (String cls : new String[] {"org.novaagent.runtime.loop.RequestProcessor",
                    "org.novaagent.runtime.builtin.VersionCommandHandler"}) {
                assertTrue(run.out().contains(" " + cls + " "), () -> cls + " is not archived:\n" + run.out().lines().limit(40).toList());
            }
        }
        assertTrue(linked.out().contains(installed.runtime().resolve("lib/server/app.jsa").toString()), "the runtime's archive");
    }

    @Test
    void theRuntimeIsUsedOnlyWhileCurrent() throws Exception {
        String runtime = installed.runtime().toString();
        assertEquals(runtime, javaHomeOfVersion(installed));

        Path lib = installed.home().resolve("lib");
        FileTime was = Files.getLastModifiedTime(lib);
        Files.setLastModifiedTime(lib, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        try {
            assertEquals(jdk.toString(), javaHomeOfVersion(installed), "a jar changed after linking: the module path");
        } finally {
            Files.setLastModifiedTime(lib, was);
        }

        Path source = installed.runtime().resolve("source");
        String recorded = Files.readString(source);
        FileTime linked = Files.getLastModifiedTime(source);
        Files.writeString(source, recorded.replace("JAVA_VERSION=\"", "JAVA_VERSION=\"0."));
        Files.setLastModifiedTime(source, linked);
        try {
            assertEquals(jdk.toString(), javaHomeOfVersion(installed), "linked from another build of the JDK");
        } finally {
            Files.writeString(source, recorded);
            Files.setLastModifiedTime(source, linked);
        }

        Path plugins = Files.createDirectories(installed.home().resolve("plugins"));
        Files.setLastModifiedTime(plugins, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        try {
            assertEquals(jdk.toString(), javaHomeOfVersion(installed), "a plugin dropped in after linking");
        } finally {
            Files.delete(plugins);
        }
        assertEquals(runtime, javaHomeOfVersion(installed), "current again");
    }

    @Test
    void dropInPluginsGetTheirJdkModulesAndAGivenJavaGetsNoRuntime() throws Exception {
        Path other = dir.resolve("with-plugin");
        LauncherHome home = LauncherHome.install(other);
        Path src = Files.createDirectories(other.resolve("plugin-src/example.sqlplugin"));
        Files.writeString(src.resolve("module-info.java"), "module example.sqlplugin { requires java.sql; }\n");
        Path classes = other.resolve("plugin-classes");
        StringWriter log = new StringWriter();
        int rc = ToolProvider.findFirst("javac").orElseThrow().run(new PrintWriter(log), new PrintWriter(log),
                "--release", "17", "-d", classes.toString(), src.resolve("module-info.java").toString());
        assertEquals(0, rc, log::toString);
        Path plugins = Files.createDirectories(home.home().resolve("plugins"));
        rc = ToolProvider.findFirst("jar").orElseThrow().run(new PrintWriter(log), new PrintWriter(log),
                "--create", "--file", plugins.resolve("sqlplugin.jar").toString(), "-C", classes.toString(), ".");
        assertEquals(0, rc, log::toString);

        Run refresh = home.runAsInstalled(Map.of(), "--refresh-class-archive");
        assertEquals(0, refresh.exit(), refresh::toString);
        String modules = Files.readString(home.runtime().resolve("release"));
        assertTrue(modules.matches("(?s).*[\" ]java\\.sql[\" ].*"), "the plugin's JDK module is linked: " + modules);
        assertFalse(modules.contains("java.desktop"), "and no more than needed: " + modules);
        assertEquals(home.runtime().toString(), javaHomeOfVersion(home));

        Run given = home.run(Map.of(), "--refresh-class-archive");
        assertEquals(0, given.exit(), given::toString);
        assertFalse(Files.exists(home.runtime()), "NOVA_AGENT_JAVA: that Java, no linked runtime");
    }

    private LauncherHome refreshed(Path where) throws Exception {
        LauncherHome home = LauncherHome.install(where);
        Run refresh = home.runAsInstalled(Map.of(), "--refresh-class-archive");
        assertEquals(0, refresh.exit(), refresh::toString);
        assertTrue(Files.isRegularFile(home.runtime().resolve("lib/server/app.jsa")), refresh::toString);
        return home;
    }

    private static String javaHomeOfVersion(LauncherHome home) throws Exception {
        Run run = home.runAsInstalled(Map.of("NOVA_AGENT_JAVA_OPTS", "-XshowSettings:properties"), "version");
        assertEquals(0, run.exit(), run::toString);
        assertTrue(run.out().strip().endsWith("3.0.0"), run::toString);
        return javaHome(run.err());
    }

    private static String javaHome(String settings) {
        return settings.lines().map(String::strip).filter(l -> l.startsWith("java.home = "))
                .map(l -> l.substring("java.home = ".length())).findFirst().orElse("(no java.home in:\n" + settings + ")");
    }

    /** The Java the launcher picks first on Debian: {@code /usr/lib/jvm/java-17-openjdk-<arch>}. */
    private static Path distributionJdk() throws IOException {
        try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            return jvms.filter(p -> p.getFileName().toString().startsWith("java-17-openjdk-"))
                    .filter(p -> Files.isExecutable(p.resolve("bin/java"))).sorted().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no /usr/lib/jvm/java-17-openjdk-*"));
        }
    }

    private static long trainingDirectories() throws IOException {
        try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return tmp.filter(p -> p.getFileName().toString().startsWith("nova-agent-training")).count();
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e + ")";
        }
    }
}
