/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.testkit.RequiredTool;

/**
 * The generated bash completion is valid bash ({@code bash -n}) and, sourced into a real bash,
 * completes subcommands, nested subcommands and options through its completion function.
 */
class CompletionScriptTests {

    @TempDir
    Path dir;

    private String complete(Path script, String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append('\'').append(w).append("' ");
        }
        // compopt only works while bash itself runs a completion: a no-op when the test calls the function
        String program = "source '" + script + "'\ncompopt() { :; }\n"
                + "COMP_WORDS=(" + array + ")\nCOMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE=\"${COMP_WORDS[*]}\"\nCOMP_POINT=${#COMP_LINE}\n"
                + "_complete_nova-agent nova-agent \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        return run(List.of("bash", "-c", program));
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "bash hung");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void validBashThatCompletesSubcommandsAndOptions() throws Exception {
        RequiredTool.require("bash", "sources the generated completion script");
        Path script = Files.writeString(dir.resolve("nova-agent"), CompletionScript.bash("nova-agent"));
        run(List.of("bash", "-n", script.toString()));
        assertTrue(!Files.readString(script).startsWith("#!"), "a completion file is sourced, not executed: no #! line");
        List<String> top = complete(script, "nova-agent", "").lines().toList();
        assertTrue(top.containsAll(List.of("run", "plugins", "call", "status", "doctor", "version")), top.toString());
        assertEquals(List.of("doctor"), complete(script, "nova-agent", "doc").lines().toList());
        assertEquals(List.of("list"), complete(script, "nova-agent", "plugins", "l").lines().toList());
        assertTrue(complete(script, "nova-agent", "doctor", "--").lines().toList().containsAll(List.of("--json", "--root", "--xenstore")));
        assertEquals(List.of("--json"), complete(script, "nova-agent", "status", "--js").lines().toList());
    }
}
