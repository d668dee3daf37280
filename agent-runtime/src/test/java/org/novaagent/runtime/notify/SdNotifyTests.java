/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.testkit.RequiredTool;

/** Sends real datagrams to a receiver written in Python (the role systemd plays). */
class SdNotifyTests {

    private static final String RECEIVER = String.join("\n",
            "import socket, sys",
            "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)",
            "addr = sys.argv[1]",
            "s.bind('\\0' + addr[1:] if addr.startswith('@') else addr)",
            "print('bound', flush=True)",
            "for _ in range(int(sys.argv[2])):",
            "    print(repr(s.recv(4096).decode()), flush=True)");

    @TempDir
    Path dir;

    private Process receiver;

    @AfterEach
    void tearDown() {
        if (receiver != null) {
            receiver.destroyForcibly();
        }
    }

    private BufferedReader startReceiver(String address, int messages) throws Exception {
        Path python = RequiredTool.require("/usr/bin/python3", "receives sd_notify datagrams like systemd");
        Path script = dir.resolve("receiver.py");
        Files.writeString(script, RECEIVER);
        receiver = new ProcessBuilder(python.toString(), script.toString(), address, Integer.toString(messages))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("bound", out.readLine());
        return out;
    }

    private List<String> readAll(BufferedReader out) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            lines.add(line);
        }
        assertTrue(receiver.waitFor(10, TimeUnit.SECONDS));
        return lines;
    }

    @Test
    void sendsReadyAndStoppingToAPathSocket() throws Exception {
        String path = dir.resolve("notify").toString();
        BufferedReader out = startReceiver(path, 2);
        ServiceNotifier notifier = SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", path));
        assertTrue(notifier.ready("Watching data/host"));
        assertTrue(notifier.stopping());
        assertEquals(List.of("'READY=1\\nSTATUS=Watching data/host'", "'STOPPING=1'"), readAll(out));
    }

    @Test
    void sendsToAnAbstractSocket() throws Exception {
        String address = "@nova-agent-test-" + UUID.randomUUID();
        BufferedReader out = startReceiver(address, 1);
        assertTrue(SdNotify.forAddress(address).orElseThrow().notify("READY=1"));
        assertEquals(List.of("'READY=1'"), readAll(out));
    }

    @Test
    void reportsFailureWhenNobodyListens() {
        SdNotify notifier = SdNotify.forAddress(dir.resolve("absent").toString()).orElseThrow();
        assertFalse(notifier.notify("READY=1"));
    }

    /**
     * OpenRC 0.62+'s supervise-daemon ({@code notify="socket:ready"}) removes its socket once READY=1
     * arrived: later messages fail with ENOENT, and the notifier then stops instead of warning each time.
     */
    @Test
    void aSocketRemovedAfterReadyEndsNotification() throws Exception {
        Path path = dir.resolve("supervise-nova-agent.sock");
        BufferedReader out = startReceiver(path.toString(), 1);
        ServiceNotifier notifier = SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", path.toString()));
        assertTrue(notifier.ready("Watching data/host"));
        assertEquals(List.of("'READY=1\\nSTATUS=Watching data/host'"), readAll(out));
        Files.delete(path);
        assertFalse(notifier.status("Reconnecting to XenStore"));
        out = startReceiver(path.toString(), 1);
        assertFalse(notifier.stopping(), "after the socket went away the notifier stays quiet");
        receiver.destroyForcibly();
    }

    @Test
    void withoutNotifySocketNothingIsSent() {
        assertSame(ServiceNotifier.NONE, SdNotify.fromEnvironment(Map.of()));
        assertSame(ServiceNotifier.NONE, SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", "relative/path")));
        assertSame(ServiceNotifier.NONE, SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", "@")));
        assertTrue(SdNotify.forAddress("/" + "x".repeat(107)).isEmpty(), "longer than sun_path");
        assertTrue(SdNotify.forAddress("@" + "x".repeat(107)).isPresent(), "abstract names have no NUL");
    }
}
