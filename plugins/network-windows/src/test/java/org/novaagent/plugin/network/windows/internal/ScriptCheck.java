/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.novaagent.testkit.Exec;
import org.novaagent.testkit.RequiredTool;

/**
 * Runs {@code dist/windows/check-ps1.py}, the structural check install.ps1 gets (no PowerShell
 * parser is packaged for Debian), over a generated script: brackets balance outside strings,
 * every quote closes on its line, the prologue is there. Plus what {@code -Command -} needs: every
 * line is a complete statement, so brackets also balance line by line.
 */
final class ScriptCheck {

    static final Path CHECKER = Path.of("../../dist/windows/check-ps1.py");

    private static final String PER_LINE = String.join("\n",
            "import importlib.util, sys",
            "spec = importlib.util.spec_from_file_location('check', sys.argv[1])",
            "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)",
            "bad = []",
            "for n, line in enumerate(open(sys.argv[2], newline='').read().split('\\r\\n'), 1):",
            "    errors, depth = [], 0",
            "    for c in m.strip_line(line, n, errors):",
            "        depth += (c in '({[') - (c in ')}]')",
            "        if depth < 0: errors.append(f'line {n}: closes more than it opens')",
            "    if depth > 0: errors.append(f'line {n}: a bracket stays open past the line end')",
            "    bad += errors",
            "print('\\n'.join(bad)); sys.exit(1 if bad else 0)");

    private ScriptCheck() {
    }

    static void assertWellFormed(String script, Path dir) throws IOException, InterruptedException {
        Path python = RequiredTool.require("python3", "runs dist/windows/check-ps1.py over the generated PowerShell");
        Path file = Files.createDirectories(dir).resolve("script-" + System.nanoTime() + ".ps1");
        Files.writeString(file, script, StandardCharsets.US_ASCII);
        Exec.Result whole = Exec.run(List.of(python.toString(), CHECKER.toString(), file.toString(), dir.toString()));
        assertTrue(whole.succeeded(), () -> "check-ps1.py refused the script:\n" + whole.output() + "\n" + script);
        // the same quote/comment stripping (check-ps1's strip_line), applied to each line on its own
        Exec.Result lines = Exec.run(List.of(python.toString(), "-c", PER_LINE, CHECKER.toString(), file.toString()));
        assertTrue(lines.succeeded(), () -> "not one complete statement per line:\n" + lines.output() + "\n" + script);
    }
}
