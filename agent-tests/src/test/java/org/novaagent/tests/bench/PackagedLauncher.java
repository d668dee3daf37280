/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The launcher of a .deb unpacked with {@code dpkg-deb -x} ({@code usr/sbin/nova-agent} with
 * {@code NOVA_AGENT_HOME} = {@code usr/lib/nova-agent}), its class archive in the work directory,
 * made by {@code --refresh-class-archive} as the postinst makes it.
 */
final class PackagedLauncher {

    private final Path launcher;
    private final Path home;
    private final Path archive;
    private final Path root;

    /**
     * @param unpacked where the .deb was unpacked
     * @param work     a scratch directory for the archive and the agent's {@code --root}
     */
    PackagedLauncher(Path unpacked, Path work) throws IOException {
        this.launcher = unpacked.resolve("usr/sbin/nova-agent");
        this.home = unpacked.resolve("usr/lib/nova-agent");
        this.archive = work.resolve("cache/classes.jsa");
        this.root = Files.createDirectories(work.resolve("root"));
        if (!Files.isRegularFile(launcher) || !Files.isDirectory(home.resolve("lib"))) {
            throw new IOException("not an unpacked nova-agent package: " + unpacked);
        }
    }

    /** Makes the class archive as the package's postinst does; fails loudly when it cannot. */
    void refreshArchive() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", launcher.toString(), "--refresh-class-archive").redirectErrorStream(true);
        pb.environment().putAll(env(true));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0 || !Files.isRegularFile(archive)) {
            throw new IOException("nova-agent --refresh-class-archive failed: " + out);
        }
    }

    /** @return whether the refresh linked a runtime (the Java is a JDK), which the start then uses */
    boolean hasLinkedRuntime() {
        return Files.isExecutable(archive.resolveSibling("runtime/bin/java"));
    }

    /** @return {@code sh usr/sbin/nova-agent run --xenstore SOCKET --root SCRATCH} (the launcher execs java: same pid) */
    List<String> run(Path socket) {
        return List.of("sh", launcher.toString(), "run", "--xenstore", socket.toString(), "--root", root.toString());
    }

    /**
     * @param withArchive whether the launcher finds the class archive and the linked runtime beside it
     *                    (else a directory where neither exists)
     * @return the environment for the launcher, as systemd gives it to the service (INVOCATION_ID)
     */
    Map<String, String> env(boolean withArchive) {
        // INVOCATION_ID: as systemd starts the service (its logging then leaves the time to the journal)
        return Map.of("NOVA_AGENT_HOME", home.toString(), "NOVA_AGENT_CLASS_ARCHIVE",
                withArchive ? archive.toString() : archive.getParent().resolveSibling("no-cache/classes.jsa").toString(),
                "INVOCATION_ID", "nova-agent-footprint-bench");
    }
}
