/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.testkit.RequiredTool;

/**
 * The failed-start notice through a real datagram socket (the role OpenRC's supervise-daemon plays with
 * {@code notify="socket:ready"}): sent only when the service script asked for it, never otherwise.
 */
class FailedStartNoticeTests {

    private static final String RECEIVER = String.join("\n",
            "import socket, sys",
            "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)",
            "s.bind(sys.argv[1])",
            "s.settimeout(float(sys.argv[2]))",
            "print('bound', flush=True)",
            "try:",
            "    print(repr(s.recv(4096).decode()), flush=True)",
            "except socket.timeout:",
            "    print('nothing', flush=True)");

    @TempDir
    Path dir;

    private Process receiver;

    @AfterEach
    void tearDown() {
        if (receiver != null) {
            receiver.destroyForcibly();
        }
    }

    private String receive(Map<String, String> env, double seconds) throws Exception {
        Path python = RequiredTool.require("/usr/bin/python3", "receives the datagram like supervise-daemon");
        Path script = Files.writeString(dir.resolve("receiver.py"), RECEIVER);
        Path socket = dir.resolve("supervise-nova-agent.sock");
        Files.deleteIfExists(socket);
        receiver = new ProcessBuilder(python.toString(), script.toString(), socket.toString(), Double.toString(seconds))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("bound", out.readLine());
        Map<String, String> full = new HashMap<>(env);
        full.put("NOTIFY_SOCKET", socket.toString());
        boolean sent = FailedStartNotice.send(full, 2, "usage or configuration error");
        String line = out.readLine();
        assertTrue(receiver.waitFor(10, TimeUnit.SECONDS));
        assertEquals(sent, !line.equals("nothing"), line);
        return line;
    }

    @Test
    void sentWhenTheServiceScriptAsksForIt() throws Exception {
        assertEquals("'READY=1\\nSTATUS=Not started (exit 2): usage or configuration error'",
                receive(Map.of(FailedStartNotice.SETTING, "yes"), 10));
    }

    @Test
    void notSentOtherwise() throws Exception {
        assertEquals("nothing", receive(Map.of(), 1));
        assertEquals("nothing", receive(Map.of(FailedStartNotice.SETTING, "no"), 1));
        assertFalse(FailedStartNotice.send(Map.of(FailedStartNotice.SETTING, "yes"), 2, "no NOTIFY_SOCKET"));
    }
}
