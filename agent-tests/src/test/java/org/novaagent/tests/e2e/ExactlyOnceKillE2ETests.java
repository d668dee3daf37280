/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.novaagent.testkit.RequiredTool;
import org.novaagent.tests.support.AgentProcess;

/**
 * Exactly once across restarts (issue #17), through the real oxenstored and the real agent: the
 * agent ({@code agent run --once}) is SIGKILLed at its Nth {@code write(2)} by strace, for every N
 * from the first write to past the last one it makes answering a pending {@code injectfile}
 * request and a {@code version}; then a second, undisturbed agent starts on the same root. Every
 * request must then have exactly one reply (one committed write in oxenstored's access log) and no
 * request may be left, and every injected file
 * must show at most one effect: file-inject keeps one backup of the previous content, so a second
 * run would replace the backup of the original with the injected content. A {@code "0"} reply
 * means exactly one effect; only a request killed while its command ran may answer that it was
 * interrupted (the journal's "started" record), and then it ran at most once. Run over a Debian
 * root (journal and backups in {@code var/lib/nova-agent}, through SafeFiles) and over a
 * Windows-shaped one ({@code C:\Windows\motd-1} injected; journal, history and backups in
 * {@code ProgramData/nova-agent}, through WindowsFiles and the Windows state directory).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExactlyOnceKillE2ETests {

    private static final int FILES = 1;
    private static final int MAX_WRITES = 400;

    @TempDir
    static Path dir;

    private XenStoreStage stage;
    private Path strace;

    @BeforeAll
    void startDaemon() throws Exception {
        strace = RequiredTool.require("strace", "kills the agent at its Nth write(2) (inject=write:signal=SIGKILL)");
        stage = XenStoreStage.start(dir, Duration.ofSeconds(15));
    }

    @AfterAll
    void stopAll() {
        if (stage != null) {
            stage.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"debian", "windows"})
    void killedAtEveryWriteEachRequestHasOneReplyAndAtMostOneEffect(String system) throws Exception {
        boolean windows = system.equals("windows");
        List<String> report = new ArrayList<>();
        int interrupted = 0;
        boolean survived = false;
        int rounds = 0;
        for (int n = 1; n <= MAX_WRITES && !survived; n++) {
            rounds = n - 1;
            Round round = new Round(n, windows);
            round.prepare();
            int exit = round.runKilledAt(n);
            survived = exit == 0;
            if (!survived) {
                assertEquals(137, exit, "strace should report the SIGKILL (n=" + n + ")");
                AgentProcess.Result again = AgentProcess.run(round.args("info"));
                assertEquals(0, again.exitCode(), again::toString);
                if (again.stderr().contains("was running when the agent stopped")) {
                    interrupted++;
                }
                if (again.stderr().contains("writing the recorded reply again")) {
                    report.add("n=" + n + " replied from the journal");
                }
            }
            round.check();
        }
        System.out.printf("exactly once (%s): killed at each of %d writes; %d interrupted commands, %d replies from the"
                + " journal%n", system, rounds, interrupted, report.size());
        assertTrue(survived, "the agent still had writes to make after " + MAX_WRITES);
        // coverage: kills must land inside the answering of a request (both windows were hit before
        // main's request history added writes; the recorded-reply window is now only counted)
        assertTrue(interrupted + report.size() > 0, "no kill landed while a request was being answered");
    }

    /** One kill: its own request ids, root and files. */
    private final class Round {
        final int n;
        final Path work;
        final Path root;
        final List<String> ids = new ArrayList<>();
        /** Where the injected files are, root-relative, and how the host names them. */
        final String target;
        final String guestPrefix;
        /** The agent's state directory, root-relative. */
        final String state;
        final String prefix;

        Round(int n, boolean windows) {
            this.n = n;
            this.prefix = windows ? "kw" : "k";
            this.work = dir.resolve("round-" + prefix + n);
            this.root = work.resolve("root");
            this.target = windows ? "Windows" : "etc";
            this.guestPrefix = windows ? "C:\\Windows\\" : "/etc/";
            this.state = windows ? "ProgramData/nova-agent" : "var/lib/nova-agent";
        }

        void prepare() throws Exception {
            Files.createDirectories(root.resolve(target));
            if (target.equals("Windows")) {
                Files.createDirectories(root.resolve("Windows/System32"));
            } else {
                Files.writeString(root.resolve("etc/os-release"), "ID=debian\nVERSION_ID=\"12\"\n");
            }
            String domain = stage.domain();
            for (int i = 1; i <= FILES; i++) {
                Files.writeString(root.resolve(target + "/motd-" + i), "original " + i + "\n");
                String value = Base64.getEncoder().encodeToString(
                        (guestPrefix + "motd-" + i + ",injected " + i + " in round " + n + "\n").getBytes(StandardCharsets.UTF_8));
                String id = prefix + n + "-" + i;
                stage.host().write(domain + "/data/host/" + id, "{\"name\":\"injectfile\",\"value\":\"" + value + "\"}");
                ids.add(id);
            }
            String id = prefix + n + "-v";
            stage.host().write(domain + "/data/host/" + id, "{\"name\":\"version\",\"value\":\"agent\"}");
            ids.add(id);
        }

        /** @return the exit code of strace: 137 when the agent was killed, 0 when it finished */
        int runKilledAt(int write) throws Exception {
            List<String> cmd = new ArrayList<>(List.of(strace.toString(), "-f", "-qq", "-o", "/dev/null",
                    "-e", "trace=write", "-e", "inject=write:signal=SIGKILL:when=" + write));
            cmd.addAll(AgentProcess.command(List.of(args("off"))));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(work.resolve("strace.out").toFile()).start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "agent under strace did not finish (n=" + n + ")");
            return p.exitValue();
        }

        /** @return {@code agent run --once} on this round's root with no plugins dir content and default settings */
        String[] args(String logLevel) throws Exception {
            Path plugins = Files.createDirectories(work.resolve("plugins"));
            Path config = work.resolve("agent.conf");
            Files.writeString(config, "# exactly-once test: defaults\n");
            return new String[] {"run", "--once", "--xenstore", stage.daemon().socketPath().toString(),
                "--root", root.toString(), "--allow-insecure-plugins-dir", "--plugins-dir", plugins.toString(),
                "--config", config.toString(), "--log-level", logLevel};
        }

        void check() throws Exception {
            String domain = stage.domain();
            List<String> committed = AccessLog.committedReplyWrites(stage.daemon().accessLog());
            for (String id : ids) {
                long writes = committed.stream().filter(id::equals).count();
                assertEquals(1, writes, "n=" + n + ": committed reply writes of " + id);
            }
            for (int i = 1; i <= FILES; i++) {
                String id = ids.get(i - 1);
                String reply = stage.host().read(domain + "/data/guest/" + id).orElse("<none>");
                assertEquals(Optional.empty(), stage.host().read(domain + "/data/host/" + id), "n=" + n + " " + id + " left");
                String file = Files.readString(root.resolve(target + "/motd-" + i));
                Path backupPath = root.resolve(state + "/backup/" + target + "/motd-" + i);
                String backup = Files.exists(backupPath) ? Files.readString(backupPath) : "<no backup>";
                String state = "n=" + n + " " + id + ": reply " + reply + ", file '" + file + "', backup '" + backup + "'";
                assertFalse(backup.startsWith("injected"), "ran twice: " + state);
                if (reply.contains("\"returncode\":\"0\"")) {
                    assertTrue(file.startsWith("injected " + i) && backup.equals("original " + i + "\n"), state);
                } else {
                    assertTrue(reply.contains("\"returncode\":\"500\"") && reply.contains("was interrupted"), state);
                }
                try (Stream<Path> left = Files.list(root.resolve(target))) {
                    assertEquals(List.of(), left.filter(p -> p.getFileName().toString().contains("tmp")).toList(), state);
                }
            }
            String version = stage.host().read(domain + "/data/guest/" + ids.get(FILES)).orElse("<none>");
            assertTrue(version.contains("\"returncode\":\"0\"") || version.contains("was interrupted"), "n=" + n + " " + version);
            assertEquals(Optional.empty(), stage.host().read(domain + "/data/host/" + ids.get(FILES)));
            Path journal = root.resolve(state + "/requests");
            assertTrue(Files.isDirectory(journal), "n=" + n + ": the journal was written in " + state);
            assertFalse(Files.exists(root.resolve(state.startsWith("var") ? "ProgramData" : "var")),
                    "n=" + n + ": the other system's state directory");
            try (Stream<Path> records = Files.list(journal)) {
                assertEquals(List.of(), records.toList(), "n=" + n + ": journal records (or staging leftovers) left");
            }
        }
    }
}
