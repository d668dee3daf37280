/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.testkit.RequiredTool;

/**
 * The OpenRC service script ({@code dist/openrc/nova-agent.initd}, for Alpine and Gentoo) read by
 * OpenRC's own {@code openrc-run} (Debian's openrc 0.45, unpacked by {@code .ci/run} into
 * {@code /opt/openrc}, never installed): it parses, uses supervise-daemon, and orders the agent after
 * the Xen guest tools and before cloud-init, and asks supervise-daemon to wait for READY=1. {@code openrc-run} execs {@code /lib/rc/sh/openrc-run.sh},
 * so it runs in a private mount namespace with the unpacked {@code lib/rc} overlaid on {@code /usr/lib}
 * and a tmpfs on {@code /run}; nothing on this machine changes. Needs root.
 */
class OpenRcServiceScriptTests {

    private static final Path OPENRC = Path.of(System.getenv().getOrDefault("OPENRC_ROOT", "/opt/openrc"));
    private static final Path SCRIPT = Path.of("../dist/openrc/nova-agent.initd");

    @TempDir
    Path tmp;

    @Test
    void openrcRunReadsTheScriptAndItsOrdering() throws Exception {
        String out = openrcRun(SCRIPT, "depend");
        assertEquals(List.of("need localmount",
                "after bootmisc xe-guest-utilities xe-daemon xen-guest-agent xenstored",
                "before cloud-init cloud-init-local net-online", "use logger"), significant(out), out);
        String describe = openrcRun(SCRIPT, "describe");
        assertTrue(describe.contains("XenStore guest agent for OpenStack/XenServer"), describe);
        String script = Files.readString(SCRIPT);
        assertTrue(script.contains("supervisor=\"supervise-daemon\"") && script.contains("command=\"/usr/sbin/nova-agent\""),
                script);
    }

    /**
     * Readiness (OpenRC 0.62+): supervise-daemon's {@code notify="socket:ready"}, and the variable that makes
     * an agent which cannot start release that wait ({@code OpenRcReadinessE2ETests} runs both against the
     * real agent). openrc-run 0.45 above still reads the script: older OpenRC ignores the variable.
     */
    @Test
    void theScriptAsksSuperviseDaemonToWaitForReady() throws Exception {
        Process p = new ProcessBuilder("sh", "-c", ". \"$1\" && printf '%s|%s|%s' \"$supervisor\" \"$notify\" "
                + "\"$(sh -c 'printf %s \"$NOVA_AGENT_READY_ON_FAILED_START\"')\"", "sh", SCRIPT.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals("supervise-daemon|socket:ready|yes", out, "the export reaches supervise-daemon's children");
    }

    @Test
    void aBrokenScriptIsReportedSoTheCheckCanFail() throws Exception {
        Path broken = Files.writeString(tmp.resolve("broken"), "#!/sbin/openrc-run\ndepend() {\n\tneed localmount\n");
        String out = openrcRun(broken, "depend");
        assertTrue(significant(out).stream().anyMatch(l -> l.contains("Syntax error")), out);
    }

    /** Where the unpacked librc/libeinfo are ({@code lib/<multiarch triplet>}). */
    private static Path libraryDir() throws IOException {
        try (Stream<Path> files = Files.walk(OPENRC.resolve("lib"), 2)) {
            return files.filter(f -> f.getFileName().toString().startsWith("librc.so")).map(Path::getParent)
                    .findFirst().orElseThrow(() -> new IOException("no librc.so under " + OPENRC));
        }
    }

    /** Output lines without Debian's insserv notice (openrc-run prints it when /etc/insserv.conf is missing). */
    private static List<String> significant(String out) {
        return out.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.contains("insserv.conf")).toList();
    }

    private String openrcRun(Path script, String action) throws IOException, InterruptedException {
        RequiredTool.requireRoot("a private mount namespace overlays OpenRC's lib/rc on /usr/lib");
        RequiredTool.requireInstalled(OPENRC.resolve("sbin/openrc-run"), "openrc (unpacked by .ci/run)",
                "reads the OpenRC service script");
        Path copy = Files.createDirectories(tmp.resolve("init.d")).resolve("nova-agent");
        Files.copy(script, copy, StandardCopyOption.REPLACE_EXISTING);
        String inner = "mount -t overlay overlay -o lowerdir=" + OPENRC.resolve("lib") + ":/usr/lib /usr/lib"
                + " && mount -t tmpfs tmpfs /run && mkdir -p /run/openrc"
                + " && exec \"$0\" \"$1\" \"$2\"";
        ProcessBuilder pb = new ProcessBuilder("unshare", "-m", "--propagation", "private", "sh", "-c", inner,
                OPENRC.resolve("sbin/openrc-run").toString(), copy.toString(), action).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("LD_LIBRARY_PATH", libraryDir().toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "openrc-run timed out");
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
