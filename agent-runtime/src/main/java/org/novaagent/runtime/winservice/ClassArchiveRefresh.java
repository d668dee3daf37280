/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.winservice;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.novaagent.api.ProcessResult;
import org.novaagent.runtime.process.SystemProcessRunner;

/**
 * Makes the Windows service's class archive (issue #14), as the Linux launcher's
 * {@code --refresh-class-archive} makes its own: a training run of the real agent answering
 * {@code version} and {@code features} waiting in an embedded XenStore (xenstore-sim's
 * {@code ClassArchiveTraining}, shipped in {@code training\}, off the module path) records the
 * classes loaded, then {@code -Xshare:dump} writes a static AppCDS archive of them for the
 * {@code java.exe} given. The archive replaces the old one in one move, so a start never maps a part
 * of one (a truncated archive crashes the JVM even with {@code -Xshare:auto}); an archive made by
 * another build of Java is ignored by the JVM ({@code -Xshare:auto}), and a missing one too.
 */
public final class ClassArchiveRefresh {

    static final String TRAINING = "org.novaagent.xenstore.sim/org.novaagent.xenstore.sim.ClassArchiveTraining";
    private static final Duration TIMEOUT = Duration.ofSeconds(300);

    private final Path java;
    private final Path home;
    private final Path archive;

    /**
     * @param java    the {@code java} (Windows: {@code java.exe}) the service runs
     * @param home    the install directory ({@code lib}, {@code modules}, {@code training})
     * @param archive where the archive goes ({@code %ProgramData%\nova-agent\classes.jsa})
     */
    public ClassArchiveRefresh(Path java, Path home, Path archive) {
        this.java = java;
        this.home = home;
        this.archive = archive.toAbsolutePath();
    }

    /**
     * Trains and dumps the archive, then moves it into place.
     *
     * @return the new archive's size in bytes
     * @throws IOException naming the step that failed and what the JVM said; the old archive is kept
     */
    public long refresh() throws IOException, InterruptedException {
        Path trainingJar = trainingJar();
        Files.createDirectories(archive.getParent());
        Path tmp = Files.createTempDirectory(archive.getParent(), ".refresh.");
        try {
            String modulePath = home.resolve("lib") + File.pathSeparator + home.resolve("modules");
            Path recorded = tmp.resolve("run.lst");
            run("the training run", List.of(java.toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Xshare:auto", "-XX:DumpLoadedClassList=" + recorded,
                    "--module-path", modulePath + File.pathSeparator + trainingJar, "--add-modules", "ALL-MODULE-PATH",
                    "--add-exports", "org.novaagent.runtime/org.novaagent.runtime.cli=org.novaagent.xenstore.sim",
                    "-m", TRAINING, tmp.resolve("train").toString(), "--log-level", "error"));
            Path classes = tmp.resolve("classes.lst");
            try (Stream<String> lines = Files.lines(recorded, StandardCharsets.UTF_8)) { // not the simulator's own
                Files.write(classes, (Iterable<String>) lines.filter(l -> !l.contains("org/novaagent/xenstore/sim/"))::iterator);
            }
            Path dumped = tmp.resolve("classes.jsa");
            run("the archive dump", List.of(java.toString(), "-XX:+UseSerialGC", "-Xshare:dump",
                    "-XX:SharedClassListFile=" + classes, "-XX:SharedArchiveFile=" + dumped,
                    "--module-path", modulePath, "--add-modules", "ALL-MODULE-PATH", "-m", ServiceCommandLine.MAIN, "version"));
            Files.move(dumped, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Files.size(archive);
        } finally {
            deleteTree(tmp);
        }
    }

    private Path trainingJar() throws IOException {
        Path dir = home.resolve("training");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> jars = Files.list(dir)) {
                List<Path> found = jars.filter(p -> p.getFileName().toString().matches("xenstore-sim-.*\\.jar")).sorted().toList();
                if (!found.isEmpty()) {
                    return found.get(found.size() - 1);
                }
            }
        }
        throw new IOException("no training module (xenstore-sim-*.jar) in " + dir + ": reinstall nova-agent");
    }

    /**
     * Runs a JVM with the runtime's process runner (its output bounded, its process tree killed on
     * timeout). The environment is this one's: on Windows there is no {@code NOTIFY_SOCKET} for the
     * training to see, which the Linux launcher unsets for its own.
     */
    private static void run(String what, List<String> command) throws IOException, InterruptedException {
        ProcessResult r = new SystemProcessRunner().run(command, new byte[0], TIMEOUT);
        if (r.exitCode() == SystemProcessRunner.TIMED_OUT) {
            throw new IOException(what + " did not end in " + TIMEOUT.toSeconds() + " s");
        }
        if (!r.succeeded()) {
            throw new IOException(what + " failed (exit code " + r.exitCode() + "): " + tail(r.stdout() + r.stderr()));
        }
    }

    /** @return the first exception or error line of the output and its last 3 lines */
    static String tail(String output) {
        List<String> lines = output.lines().toList();
        List<String> shown = new ArrayList<>();
        lines.stream().filter(l -> l.contains("Exception") || l.contains("Error")).findFirst().ifPresent(shown::add);
        for (String l : lines.subList(Math.max(0, lines.size() - 3), lines.size())) {
            if (!shown.contains(l)) {
                shown.add(l.strip());
            }
        }
        return shown.isEmpty() ? "(no output)" : String.join(" | ", shown);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
