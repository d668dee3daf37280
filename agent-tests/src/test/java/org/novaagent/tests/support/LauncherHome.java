/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;

/**
 * An installed agent as the packages lay it out ({@code NOVA_AGENT_HOME} with {@code lib/} and
 * {@code modules/}) made from this build's module path, with the automatic modules made explicit as
 * the dist build does ({@code dist/modularize.sh}), and the packaged launcher run on it.
 */
public final class LauncherHome {

    /** The packaged launcher, {@code /usr/sbin/nova-agent} in the packages. */
    public static final Path LAUNCHER = Path.of("../dist/linux-root/usr/sbin/nova-agent").toAbsolutePath();
    private static final Path MODULARIZE = Path.of("../dist/modularize.sh").toAbsolutePath();

    private final Path dir;
    private final Path home;
    private final Path archive;

    /** One launcher run: exit code, standard output and error. */
    public record Run(int exit, String out, String err) {
    }

    private LauncherHome(Path dir, Path home, Path archive) {
        this.dir = dir;
        this.home = home;
        this.archive = archive;
    }

    /** Lays out {@code dir/home} (every module of the build in {@code lib/}); the cache is {@code dir/cache}. */
    public static LauncherHome install(Path dir) throws IOException, InterruptedException {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("modules"));
        Path lib = Files.createDirectories(home.resolve("lib"));
        for (String entry : AgentProcess.modulePath().split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) { // a reactor module's target/classes: package it, as the .deb does
                String name = p.getParent().getParent().getFileName() + ".jar";
                StringWriter log = new StringWriter();
                int rc = ToolProvider.findFirst("jar").orElseThrow().run(new PrintWriter(log), new PrintWriter(log),
                        "--create", "--file", lib.resolve(name).toString(), "-C", p.toString(), ".");
                assertEquals(0, rc, () -> "jar " + p + ": " + log);
            } else {
                Files.copy(p, lib.resolve(p.getFileName()));
            }
        }
        Process modularize = new ProcessBuilder("bash", MODULARIZE.toString(), lib.toString())
                .redirectErrorStream(true).start();
        String out = new String(modularize.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, modularize.waitFor(), () -> "modularize.sh: " + out);
        return new LauncherHome(dir, home, dir.resolve("cache/classes.jsa"));
    }

    public Path home() {
        return home;
    }

    /** The launcher's class archive ({@code NOVA_AGENT_CLASS_ARCHIVE}). */
    public Path archive() {
        return archive;
    }

    /** The linked runtime the launcher keeps beside its archive. */
    public Path runtime() {
        return archive.resolveSibling("runtime");
    }

    /** Runs the launcher on this home with the test's own JVM as {@code NOVA_AGENT_JAVA}. */
    public Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(archive, env, args);
    }

    /** As {@link #run(Map, String...)} with another class archive. */
    public Run run(Path classArchive, Map<String, String> env, String... args) throws IOException, InterruptedException {
        Map<String, String> all = new HashMap<>();
        all.put("NOVA_AGENT_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        all.putAll(env);
        return runAsInstalled(classArchive, all, args);
    }

    /**
     * Runs the launcher as the packages install it: no {@code NOVA_AGENT_JAVA}, so it picks this
     * machine's distribution Java and, where that is a JDK, links and uses the runtime.
     */
    public Run runAsInstalled(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return runAsInstalled(archive, env, args);
    }

    /** Starts the launcher as installed, output to {@code out} and {@code err}; the caller ends it. */
    public Process startAsInstalled(Map<String, String> env, Path out, Path err, String... args) throws IOException {
        return builder(archive, env, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    private Run runAsInstalled(Path classArchive, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = builder(classArchive, env, args);
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("launcher " + pb.command() + " did not finish in 300 s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private ProcessBuilder builder(Path classArchive, Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("NOVA_AGENT_JAVA");
        pb.environment().remove("NOVA_AGENT_JAVA_OPTS");
        pb.environment().put("NOVA_AGENT_HOME", home.toString());
        pb.environment().put("NOVA_AGENT_CLASS_ARCHIVE", classArchive.toString());
        pb.environment().putAll(env);
        return pb;
    }
}
