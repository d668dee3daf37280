/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.rhel.registration.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.testkit.RequiredTool;

/**
 * Runs the generated commands with the real {@code /bin/sh} and {@code /usr/bin/env} against a
 * stand-in tool that records its argv and environment, proving the key travels from stdin to the
 * tool's argv intact and that host-supplied text is never interpreted by the shell.
 */
class RegistrationCommandsTests {

    private static final String KEY = "1-abc$(touch pwned)`id`;|&*?";

    @TempDir
    Path dir;
    private Path tool;

    @BeforeEach
    void standInTool() throws IOException {
        RequiredTool.require(RegistrationCommands.SHELL, "the registration commands are /bin/sh scripts");
        RequiredTool.require(RegistrationCommands.ENV, "rhnreg_ks is started through env -i");
        tool = dir.resolve("tool");
        Files.writeString(tool, "#!/bin/sh\nd=$(dirname \"$0\")\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$d/args\"\n"
                + "env > \"$d/env\"\nexit 0\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
    }

    private int run(List<String> command, String stdin) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("NOVA_TEST_MARKER", "leaked");
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return p.exitValue();
    }

    @Test
    void subscriptionManagerGetsKeyOrgAndNameVerbatim() throws Exception {
        String profile = "web 01 \"quoted\" $HOME";
        assertEquals(0, run(RegistrationCommands.subscriptionManager(tool.toString(), "Acme Org", profile), KEY + "\n"));
        assertEquals(List.of("register", "--activationkey=" + KEY, "--org=Acme Org", "--name=" + profile, "--force"),
                Files.readAllLines(dir.resolve("args")));
        assertFalse(Files.exists(dir.resolve("pwned")));
    }

    @Test
    void rhnregKsGetsTheKeyAndAnEmptyEnvironment() throws Exception {
        assertEquals(0, run(RegistrationCommands.rhnregKs(tool.toString(), "p;rm -rf x"), KEY + "\n"));
        assertEquals(List.of("--activationkey", KEY, "--profile", "p;rm -rf x", "--force"),
                Files.readAllLines(dir.resolve("args")));
        // The stand-in is itself a shell script, which may add PWD; nothing of the agent's environment passes.
        List<String> env = Files.readAllLines(dir.resolve("env"));
        assertTrue(env.stream().allMatch(l -> l.startsWith("PWD=") || l.startsWith("OLDPWD=") || l.startsWith("SHLVL=")
                || l.startsWith("_=")), env.toString());
    }

    @Test
    void missingKeyOnStdinStopsBeforeTheToolRuns() throws Exception {
        assertEquals(97, run(RegistrationCommands.rhnregKs(tool.toString(), "p"), ""));
        assertFalse(Files.exists(dir.resolve("args")));
    }
}
