/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.testkit.RequiredTool;
import org.novaagent.tests.support.AgentProcess;
import org.novaagent.tests.support.AgentProcess.Result;

/**
 * Issue #19, finding 4, through the real agent ({@code agent plugins list} in a child JVM on the
 * module path, no {@code --allow-insecure-plugins-dir}): the plugins directory, its jars, its
 * ancestors and {@code agent.conf} must be trusted like sshd's StrictModes. The attacker is an
 * unprivileged user (uid/gid 65534, started with {@code setpriv}) racing renames for a bounded
 * number of agent starts; the tests assert zero successes. Each test fails on the code before the
 * fix (group write and parents were not checked, agent.conf not at all, a symlinked jar was
 * called "world-writable").
 */
class PluginTrustTests {

    private static final int ATTEMPTS = 5;
    private static final String NOBODY = "65534";
    private static final String EVIL_VERSION = "6.6.6";

    @TempDir
    Path tmp;

    private Path root;

    @BeforeEach
    void setUp() throws Exception {
        RequiredTool.requireRoot("changes owners to play an unprivileged attacker");
        chmod(tmp, "rwxr-xr-x");
        root = Files.createDirectories(tmp.resolve("root/etc")).getParent();
        Files.writeString(root.resolve("etc/os-release"), "ID=debian\nVERSION_ID=\"12\"\n");
    }

    @Test
    void aGroupWritableDirectoryIsRefusedAndAGroupMemberSwappingJarsNeverGetsOneLoaded() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        ExamplePlugin.build(tmp, plugins.resolve("hello.jar"), "1.0.0");
        Path evil = ExamplePlugin.build(tmp, plugins.resolve("evil.stash"), EVIL_VERSION);
        chown(evil, 65534, 65534);
        chown(plugins, 0, 65534);
        chmod(plugins, "rwxrwxr-x");
        List<Result> runs = raceWhileListing(plugins.resolve("hello.jar"), evil, plugins);
        for (Result r : runs) {
            assertFalse(r.stdout().contains(EVIL_VERSION), "the attacker's jar was loaded:\n" + r);
            assertFalse(r.stdout().contains("com.example.hello"), "a jar of a group-writable directory was loaded:\n" + r);
            assertTrue(r.stderr().contains("plugins directory " + plugins + " is group-writable (mode 0775)"), r::toString);
        }
    }

    @Test
    void aWorldWritableParentWithoutTheStickyBitIsRefusedAndSwappingThePluginsDirectoryNeverWins() throws Exception {
        Path parent = Files.createDirectories(tmp.resolve("open"));
        Path plugins = Files.createDirectories(parent.resolve("plugins"));
        ExamplePlugin.build(tmp, plugins.resolve("hello.jar"), "1.0.0");
        Path evilDir = Files.createDirectories(parent.resolve("evil"));
        ExamplePlugin.build(tmp, evilDir.resolve("hello.jar"), EVIL_VERSION);
        chown(evilDir.resolve("hello.jar"), 65534, 65534);
        chown(evilDir, 65534, 65534);
        chmod(parent, "rwxrwxrwx");
        List<Result> runs = raceWhileListing(plugins, evilDir, plugins);
        String refused = "ancestor " + parent + " of plugins directory " + plugins
                + " is world-writable without the sticky bit (mode 0777)";
        for (Result r : runs) {
            assertFalse(r.stdout().contains(EVIL_VERSION), "the attacker's plugins directory was loaded:\n" + r);
            // mid-swap the racer's renames leave no "plugins" for an instant: then nothing is loaded either
            assertTrue(r.stderr().contains(refused) || r.stderr().contains(plugins + " does not exist")
                    || r.stderr().contains("cannot list plugins directory " + plugins)
                    || r.stderr().contains("plugins directory " + plugins + " is not a directory"), r::toString);
        }
        // the positive control, without a racer: under load every racing run can land mid-swap
        Result calm = list("--plugins-dir", plugins.toString());
        assertTrue(calm.stderr().contains(refused), calm::toString);
        assertFalse(calm.stdout().contains("com.example.hello"), calm::toString);
    }

    @Test
    void aStickyWorldWritableParentIsAcceptedForARootOwnedDirectory() throws Exception {
        Path parent = Files.createDirectories(tmp.resolve("sticky"));
        Path plugins = Files.createDirectories(parent.resolve("plugins"));
        ExamplePlugin.build(tmp, plugins.resolve("hello.jar"), "1.0.0");
        Files.setAttribute(parent, "unix:mode", 01777);
        Result r = list("--plugins-dir", plugins.toString());
        assertTrue(ExamplePlugin.row(r.stdout(), "hello").contains("selected"), r::toString);
    }

    @Test
    void aSymlinkedJarIsReportedAsASymlink() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Path real = ExamplePlugin.build(tmp, tmp.resolve("real-hello.jar"), "1.0.0");
        Path link = Files.createSymbolicLink(plugins.resolve("hello.jar"), real);
        Result r = list("--plugins-dir", plugins.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertFalse(r.stdout().contains("com.example.hello"), r::toString);
        assertTrue(r.stderr().contains("plugin jar " + link + " is a symbolic link"), r::toString);
        assertFalse(r.stderr().contains("world-writable"), r::toString);
    }

    @Test
    void aConfigFileWritableByAllIsNotUsed() throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("redirected"));
        ExamplePlugin.build(tmp, elsewhere.resolve("hello.jar"), EVIL_VERSION);
        Path conf = Files.writeString(tmp.resolve("agent.conf"), "plugins.dir = " + elsewhere + "\n");
        chmod(conf, "rw-rw-rw-");
        Result r = list("--config", conf.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertFalse(r.stdout().contains(EVIL_VERSION), "the world-writable configuration redirected plugins.dir:\n" + r);
        assertTrue(r.stderr().contains("configuration file " + conf + " is world-writable (mode 0666)"), r::toString);
        assertTrue(r.stdout().contains("keyinit"), "the agent must still run with the defaults:\n" + r);

        chmod(conf, "rw-r--r--");
        chown(conf, 65534, 65534);
        Result nobody = list("--config", conf.toString());
        assertFalse(nobody.stdout().contains(EVIL_VERSION), nobody::toString);
        assertTrue(nobody.stderr().contains("configuration file " + conf + " is owned by uid 65534, not root"), nobody::toString);

        chown(conf, 0, 0);
        Result trusted = list("--config", conf.toString());
        assertTrue(trusted.stdout().contains(EVIL_VERSION), "a trusted configuration is used:\n" + trusted);
    }

    private Result list(String... extra) throws IOException, InterruptedException {
        // --log-level info: "does not exist" (the racer's swap) is logged at info, plugins list is quiet by default
        List<String> args = new ArrayList<>(List.of("plugins", "list", "--root", root.toString(), "--log-level", "info"));
        args.addAll(List.of(extra));
        return AgentProcess.run(args.toArray(String[]::new));
    }

    /**
     * Runs {@code plugins list} {@link #ATTEMPTS} times while an unprivileged racer keeps swapping
     * {@code a} and {@code b} by rename (through a third name), then stops the racer.
     */
    private List<Result> raceWhileListing(Path a, Path b, Path pluginsDir) throws Exception {
        Path setpriv = RequiredTool.require("setpriv", "runs the racer as an unprivileged user");
        // the system python: an unprivileged user cannot run one installed under /root
        Path python = Path.of("/usr/bin/python3");
        RequiredTool.requireInstalled(python, "python3", "the racer loop, run as an unprivileged user");
        String script = "import os,sys\na,b=sys.argv[1],sys.argv[2]\nt=a+'.racer'\n"
                + "while True:\n  try:\n    os.rename(a,t); os.rename(b,a); os.rename(t,b)\n  except OSError:\n    pass\n";
        Process racer = new ProcessBuilder(setpriv.toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups",
                python.toString(), "-c", script, a.toString(), b.toString()).redirectErrorStream(true).start();
        try {
            Thread.sleep(200);
            assertTrue(racer.isAlive(), () -> "racer died: " + output(racer));
            List<Result> runs = new ArrayList<>();
            for (int i = 0; i < ATTEMPTS; i++) {
                runs.add(list("--plugins-dir", pluginsDir.toString()));
            }
            return runs;
        } finally {
            racer.destroyForcibly().waitFor();
            restore(a, b);
        }
    }

    /** Puts the racer's names back ({@code a} and {@code b} exist again) so the directory can be cleaned up. */
    private static void restore(Path a, Path b) throws IOException {
        Path t = a.resolveSibling(a.getFileName() + ".racer");
        if (Files.exists(t, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.move(t, Files.exists(a) ? b : a);
        }
    }

    private static String output(Process p) {
        try {
            return new String(p.getInputStream().readAllBytes());
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static void chmod(Path p, String perms) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }

    private static void chown(Path p, int uid, int gid) throws IOException {
        Files.setAttribute(p, "unix:uid", uid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p, "unix:gid", gid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }
}
