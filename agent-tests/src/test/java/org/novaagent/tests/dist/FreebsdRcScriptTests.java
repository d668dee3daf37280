/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.testkit.Exec;
import org.novaagent.testkit.RequiredTool;

/**
 * The FreeBSD rc.d script ({@code dist/freebsd/nova_agent}). FreeBSD's rc.subr and rcorder are not
 * on Debian, so: {@code sh -n}; the rcorder header read as rcorder reads it ({@code # PROVIDE:},
 * {@code # REQUIRE:}, {@code # BEFORE:}, {@code # KEYWORD:} lines); and the script run by a POSIX
 * shell against a stand-in rc.subr whose {@code run_rc_command} prints what FreeBSD's would use
 * (name, rcvar, command and its arguments), with {@code nova_agent_enable} unset and set.
 * shellcheck runs over it in {@link ShellScriptsTests}.
 */
class FreebsdRcScriptTests {

    private static final Path SCRIPT = Path.of("../dist/freebsd/nova_agent");

    @TempDir
    Path tmp;

    @Test
    void parsesAndDeclaresItsOrderingAndSupervision() throws Exception {
        String sh = RequiredTool.require("sh", "parses the rc.d script").toString();
        Exec.Result syntax = Exec.run(sh, "-n", SCRIPT.toString());
        assertEquals(0, syntax.code(), syntax.output());

        List<String> header = Files.readAllLines(SCRIPT).stream()
                .filter(l -> l.matches("^# (PROVIDE|REQUIRE|BEFORE|KEYWORD): .*")).toList();
        assertEquals(List.of("# PROVIDE: nova_agent", "# REQUIRE: FILESYSTEMS xenguest", "# BEFORE: NETWORKING cloudinit",
                "# KEYWORD: shutdown"), header);

        Path subr = Files.writeString(tmp.resolve("rc.subr"), "load_rc_config() { :; }\n"
                + "run_rc_command() { printf '%s|%s|%s|%s|%s\\n' \"$1\" \"$name\" \"$rcvar\" \"$command\" \"$command_args\"; }\n");
        String copy = Files.readString(SCRIPT).replace(". /etc/rc.subr", ". " + subr);
        Path script = Files.writeString(tmp.resolve("nova_agent"), copy);
        Exec.Result run = Exec.run(sh, script.toString(), "start");
        assertEquals(0, run.code(), run.output());
        assertEquals("start|nova_agent|nova_agent_enable|/usr/sbin/daemon|-r -R 2 -P /var/run/nova_agent.pid -S -T nova-agent "
                + "/usr/local/sbin/nova-agent run --config /usr/local/etc/nova-agent/agent.conf ", run.output().strip() + " ");
        Exec.Result flags = Exec.run("env", "nova_agent_config=/etc/nova.conf", "nova_agent_flags=--once", sh,
                script.toString(), "start");
        assertTrue(flags.output().strip().endsWith("run --config /etc/nova.conf --once"), flags.output());
    }
}
