/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Plays the ordinary local user of the security tests (issue #19): uid/gid 65534 ({@code nobody}),
 * no supplementary groups, through {@code setpriv}. Needs root; {@link #require} applies the
 * {@link RequiredTool} rule (fail under {@code CI=true}, skip elsewhere). Also builds and starts
 * {@code swap-racer}, the inotify attacker that swaps new entries of a directory for symbolic links.
 */
public final class Unprivileged {

    /** The attacker's uid and gid. */
    public static final int ID = 65534;

    private Unprivileged() {
    }

    /**
     * @param why what the test proves with an unprivileged user
     */
    public static void require(String why) {
        RequiredTool.requireRoot(why);
        RequiredTool.require("setpriv", why);
    }

    /**
     * @param command a program and its arguments
     * @return the same command run as uid/gid 65534 with no supplementary groups
     */
    public static List<String> as(List<String> command) {
        List<String> out = new ArrayList<>(List.of(RequiredTool.require("setpriv", "runs the attacker").toString(),
                "--reuid=" + ID, "--regid=" + ID, "--clear-groups", "--"));
        out.addAll(command);
        return out;
    }

    /**
     * @param command a program and its arguments
     * @return its outcome, run as uid 65534
     */
    public static Exec.Result run(String... command) throws IOException, InterruptedException {
        return Exec.run(as(List.of(command)));
    }

    /**
     * Gives a path to the user (chown 65534:65534, not following a link).
     *
     * @param path a file or directory
     * @return the path
     */
    public static Path own(Path path) throws IOException {
        Files.setAttribute(path, "unix:uid", ID, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", ID, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        return path;
    }

    /**
     * Lets the user reach what is below {@code dir} (adds search permission for others), as a home
     * directory under {@code /home} is reachable on a real system.
     *
     * @param dir a scratch directory (a JUnit {@code @TempDir} is 0700)
     */
    public static void traversable(Path dir) throws IOException {
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(dir);
        p.add(PosixFilePermission.OTHERS_EXECUTE);
        Files.setPosixFilePermissions(dir, p);
    }

    /**
     * @param workDir the directory given to {@link #startRacer}
     * @return how many entries the racer has swapped for a link so far (proof that it raced)
     */
    public static long swaps(Path workDir) throws IOException {
        return Files.readAllLines(workDir.resolve("swap-racer.log")).stream().filter(l -> l.startsWith("swapped ")).count();
    }

    /**
     * Compiles {@code swap-racer.c} with gcc into {@code workDir} and starts it as the user.
     *
     * @param workDir a scratch directory the user can read (the binary goes there)
     * @param victim  where the symbolic links point
     * @param keep    the entry name to leave alone (the file the agent is asked to write)
     * @param watched the user's directories to attack (at most 8)
     * @return the running racer, already watching; destroy it when done
     */
    public static Process startRacer(Path workDir, Path victim, String keep, Path... watched)
            throws IOException, InterruptedException {
        Path gcc = RequiredTool.require("gcc", "builds the inotify racer");
        Path src = workDir.resolve("swap-racer.c");
        try (InputStream in = Unprivileged.class.getResourceAsStream("swap-racer.c")) {
            Files.copy(in, src, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path bin = workDir.resolve("swap-racer");
        Exec.Result cc = Exec.run(gcc.toString(), "-O2", "-o", bin.toString(), src.toString());
        if (!cc.succeeded()) {
            throw new IOException("gcc failed: " + cc.output());
        }
        Files.setPosixFilePermissions(bin, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE));
        Path log = workDir.resolve("swap-racer.log");
        List<String> racer = new ArrayList<>(List.of(bin.toString(), victim.toString(), keep));
        for (Path w : watched) {
            racer.add(w.toString());
        }
        Process p = new ProcessBuilder(as(racer))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!Files.readString(log).startsWith("watching\n")) {
            if (!p.isAlive() || System.currentTimeMillis() > deadline) {
                p.destroyForcibly();
                throw new IOException("racer did not start: " + Files.readString(log));
            }
            Thread.sleep(10);
        }
        return p;
    }
}
