/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class RunFastPathTests {

    /** What the fast path accepts, it must understand exactly as picocli's {@code run} does. */
    @ParameterizedTest
    @ValueSource(strings = {
        "run",
        "run --root /tmp/r --xenstore /run/xenstored/socket --once",
        "run --root=/tmp/r --xenstore=/dev/xen/xenbus --config=/etc/a.conf --plugins-dir=/p --log-level=debug",
        "run --allow-insecure-plugins-dir --root /tmp/x --plugins-dir /tmp/p",
        "run --log-level warn --config /etc/nova-agent/agent.conf",
        "run --once --xenstore relative/socket --root ."
    })
    void acceptedArgumentsMeanWhatPicocliMakesOfThem(String line) {
        String[] args = line.split(" ");
        Optional<RunCommand> fast = RunFastPath.parse(args);
        assertTrue(fast.isPresent(), line);
        RunCommand slow = new RunCommand();
        new CommandLine(slow).parseArgs(Arrays.copyOfRange(args, 1, args.length));
        assertEquals(describe(slow), describe(fast.get()), line);
    }

    /** Help, version, mistakes and anything unusual go through picocli (its messages, its exit codes). */
    @ParameterizedTest
    @ValueSource(strings = {
        "", "version", "plugins list", "call version", "run --help", "run -h", "run --version", "run -V",
        "run --bogus", "run extra", "run --root", "run --root=", "run --root /a --root /b", "run --once --once",
        "run --once=true", "run --xenstore --once", "run --log-level", "run --root /tmp/a\u0000b", "--help run"
    })
    void everythingElseIsLeftToPicocli(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        assertEquals(Optional.empty(), RunFastPath.parse(args).map(RunFastPathTests::describe), line);
    }

    @Test
    void runHelpAndErrorsStayPicocli(@TempDir Path work) throws IOException, InterruptedException {
        ChildJvm.Outcome help = ChildJvm.agent(work, "run", "--help");
        assertEquals(ExitCodes.OK, help.exitCode(), help.stderr());
        assertTrue(help.stdout().contains("Run the agent: watch XenStore") && help.stdout().contains("--xenstore=PATH"),
                help.stdout());
        ChildJvm.Outcome typo = ChildJvm.agent(work, "run", "--xenstroe", "/x");
        assertEquals(ExitCodes.USAGE, typo.exitCode(), typo.stderr());
        assertTrue(typo.stderr().contains("'--xenstroe'") && typo.stderr().contains("Possible solutions: --xenstore"), typo.stderr());
    }

    /** A bare {@code version} skips picocli too; the same text as picocli's {@code version}, whose help still works. */
    @Test
    void bareVersionPrintsWhatTheVersionCommandPrints(@TempDir Path work) throws IOException, InterruptedException {
        ChildJvm.Outcome bare = ChildJvm.agent(work, "version");
        assertEquals(ExitCodes.OK, bare.exitCode(), bare.stderr());
        java.io.StringWriter out = new java.io.StringWriter();
        int code = Main.execute(new java.io.PrintWriter(out, true), new java.io.PrintWriter(new java.io.StringWriter(), true),
                "version");
        assertEquals(ExitCodes.OK, code);
        assertEquals(out.toString(), bare.stdout());
        assertEquals(org.novaagent.runtime.builtin.AgentVersion.get() + System.lineSeparator(), bare.stdout());
        ChildJvm.Outcome help = ChildJvm.agent(work, "version", "--help");
        assertTrue(help.stdout().contains("Print the agent version."), help.stdout());
    }

    /** The fast path's configuration errors are the same as picocli's run: exit 2 and the reason. */
    @Test
    void badConfigurationOnTheFastPathIsAUsageError(@TempDir Path work) throws IOException, InterruptedException {
        Path conf = work.resolve("agent.conf");
        java.nio.file.Files.writeString(conf, "this line has no equals sign\n");
        ChildJvm.Outcome bad = ChildJvm.agent(work, "run", "--config", conf.toString(), "--root",
                work.resolve("root").toString(), "--once");
        assertEquals(ExitCodes.USAGE, bad.exitCode(), bad.stderr());
        assertTrue(bad.stderr().contains("configuration error"), bad.stderr());
    }

    /**
     * The fast path sets logging up as {@link LogSetup} says before the first logger exists:
     * {@code --log-level} is obeyed and the lines have the short format (it once came too late,
     * after {@link RunCommand}'s logger had set slf4j-simple up with its defaults).
     */
    @Test
    void logLevelAndFormatApplyOnTheFastPath(@TempDir Path work) throws IOException, InterruptedException {
        String[] common = {"--once", "--root", work.resolve("root").toString(), "--xenstore",
            work.resolve("no-xenstore").toString()};
        ChildJvm.Outcome quiet = ChildJvm.agent(work, concat(new String[] {"run", "--log-level", "error"}, common));
        assertEquals(1, quiet.exitCode(), quiet.stderr()); // XenStore unreachable
        assertTrue(!quiet.stderr().contains("INFO") && !quiet.stderr().contains("WARN")
                && quiet.stderr().contains("[ERROR] AgentDaemon - cannot reach XenStore"), quiet.stderr());
        ChildJvm.Outcome service = ChildJvm.agent(java.util.Map.of("INVOCATION_ID", "test"), work,
                concat(new String[] {"run", "--log-level=info"}, common)); // under systemd: journald adds the time
        assertTrue(service.stderr().startsWith("[INFO] AgentAssembly - target root "), service.stderr());
        ChildJvm.Outcome console = ChildJvm.agent(java.util.Map.of(), work, concat(new String[] {"run"}, common));
        if (System.getenv("INVOCATION_ID") == null) {
            assertTrue(console.stderr().matches("(?s)\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[INFO\\] AgentAssembly - target root .*"),
                    console.stderr());
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static List<Object> describe(RunCommand r) {
        AgentOptions o = r.options;
        return Arrays.asList(o.root, o.pluginsDir, o.config, o.allowInsecurePluginsDir, o.logLevel, r.xenstore, r.once);
    }
}
