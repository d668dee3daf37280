/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.cli.CliCommand;
import org.novaagent.api.cli.CliEnvironment;

/**
 * CLI extensions: a provider becomes an {@code agent} subcommand that gets its arguments raw
 * (options and {@code --help} included), appears in the help, sets its default log level, and is
 * skipped with a reason when its name is blank or taken. {@code demo} comes only from agent-host's provider.
 */
class CliExtensionsTests {

    /** Records the arguments it was run with; answers with a fixed exit code. */
    static final class Echo implements CliCommand {
        private final String name;
        final List<List<String>> calls = new ArrayList<>();

        Echo(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return "echoes its arguments";
        }

        @Override
        public Optional<String> defaultLogLevel() {
            return Optional.of("warn");
        }

        @Override
        public int run(List<String> args, CliEnvironment env) {
            calls.add(args);
            env.out().print("args=" + args);
            env.err().print("to stderr");
            return args.contains("--fail") ? CliCommand.FAILURE : CliCommand.OK;
        }
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(CliExtensions extensions, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), extensions, args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void anExtensionGetsEveryArgumentRawAndItsExitCodeIsTheProcesses() {
        Echo echo = new Echo("echo");
        CliExtensions ext = CliExtensions.of(List.of(echo), Main.BUILT_INS, List.of());
        Run r = run(ext, "echo", "--distro", "rhel", "--help", "positional", "--fail");
        assertEquals(CliCommand.FAILURE, r.code());
        assertEquals(List.of(List.of("--distro", "rhel", "--help", "positional", "--fail")), echo.calls);
        assertEquals("args=[--distro, rhel, --help, positional, --fail]", r.out());
        assertEquals("to stderr", r.err());
        assertEquals(CliCommand.OK, run(ext, "echo").code());
        assertEquals(List.of(), echo.calls.get(1));

        String help = run(ext, "--help").out();
        assertTrue(help.contains("echo") && help.contains("echoes its arguments"), help);
        assertEquals(Optional.of("warn"), ext.defaultLogLevel(new String[] {"echo", "x"}));
        assertEquals(Optional.empty(), ext.defaultLogLevel(new String[] {"run"}));
        assertEquals(Optional.empty(), ext.defaultLogLevel(new String[0]));
    }

    @Test
    void blankTakenAndDuplicateNamesAreSkippedWithAReason() {
        Echo first = new Echo("tool");
        CliExtensions ext = CliExtensions.of(List.of(new Echo(" "), new Echo("run"), first, new Echo("tool")),
                Main.BUILT_INS, List.of("earlier problem"));
        assertEquals(List.of("tool"), List.copyOf(ext.commands().keySet()));
        assertEquals(first, ext.commands().get("tool"));
        List<String> p = ext.problems();
        assertEquals(4, p.size(), p.toString());
        assertEquals("earlier problem", p.get(0));
        assertTrue(p.get(1).contains("blank or padded name"), p.get(1));
        assertTrue(p.get(2).contains("'run' is a built-in subcommand"), p.get(2));
        assertTrue(p.get(3).contains("'tool' is already provided by"), p.get(3));
        Run r = run(ext, "run", "--help");
        assertEquals(ExitCodes.OK, r.code(), "the built-in run is still the real one");
        assertTrue(r.err().contains("'run' is a built-in subcommand"), "problems are printed: " + r.err());
    }

    @Test
    void demoIsFoundOnlyThroughServiceLoaderAndTheInProcessAgentRefusesTheLiveRoot(@TempDir Path dir) {
        // agent-host is a test-scope dependency here: its META-INF/services entry is the only source of demo
        CliExtensions found = CliExtensions.discover(Main.BUILT_INS);
        assertEquals(List.of("demo"), List.copyOf(found.commands().keySet()), found.problems().toString());
        assertTrue(found.commands().get("demo").getClass().getName().startsWith("org.novaagent.host."));
        Run help = run(found, "demo", "--help");
        assertEquals(ExitCodes.OK, help.code(), help.err());
        assertTrue(help.out().contains("--distro"), help.out());
        assertEquals(ExitCodes.USAGE, run(CliExtensions.of(List.of(), Main.BUILT_INS, List.of()), "demo").code(),
                "without the provider there is no demo subcommand");
        assertThrows(IllegalArgumentException.class, () -> InProcessAgent.start(dir.resolve("xs.sock"), Path.of("/")));
    }
}
