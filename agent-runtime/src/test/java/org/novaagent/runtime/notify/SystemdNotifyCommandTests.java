/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.runtime.testing.RecordingNotifier;
import org.novaagent.testkit.NotifyListener;
import org.novaagent.testkit.NotifyListener.Message;
import org.novaagent.testkit.RequiredTool;

/**
 * The real {@code /usr/bin/systemd-notify} sending to a real datagram socket with {@code SO_PASSCRED}
 * ({@link NotifyListener}): the messages arrive in order and are credited to this JVM's pid (what
 * {@code NotifyAccess=main} checks), a slow listener never holds up the caller, a socket that is gone ends
 * notification quietly, and a failing command hands over to libc. The fallback is a recorder where the
 * command must do the work alone.
 */
class SystemdNotifyCommandTests {

    private static final long SELF = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    private NotifyListener listener;
    private final RecordingNotifier fallback = new RecordingNotifier();

    @AfterEach
    void tearDown() {
        if (listener != null) {
            listener.close();
        }
    }

    private static Path systemdNotify() {
        RequiredTool.requireRoot("systemd-notify credits its parent's pid only for a sender with CAP_SYS_ADMIN");
        return RequiredTool.require("/usr/bin/systemd-notify", "sends sd_notify messages for the agent");
    }

    private static Message from(long pid, String text) {
        return new Message(pid, text);
    }

    @Test
    void readyStatusAndStoppingArriveInOrderCreditedToThisJvm() throws Exception {
        Path tool = systemdNotify();
        String socket = dir.resolve("notify").toString();
        listener = NotifyListener.start(dir, socket, Duration.ZERO);
        SystemdNotifyCommand notifier = new SystemdNotifyCommand(tool, socket, fallback);
        assertTrue(notifier.ready("Watching data/host"));
        assertTrue(notifier.status("Reconnecting to XenStore"));
        assertTrue(notifier.stopping(), "STOPPING=1 confirmed within the wait");
        assertEquals(List.of(from(SELF, "READY=1\nSTATUS=Watching data/host"), from(SELF, "STATUS=Reconnecting to XenStore"),
                from(SELF, "STOPPING=1")), listener.take(3, Duration.ofSeconds(10)));
        assertEquals(List.of(), fallback.messages(), "jnr-ffi never used");
    }

    @Test
    void anAbstractSocketWorksToo() throws Exception {
        Path tool = systemdNotify();
        String socket = "@nova-agent-test-" + UUID.randomUUID();
        listener = NotifyListener.start(dir, socket, Duration.ZERO);
        assertTrue(new SystemdNotifyCommand(tool, socket, fallback).stopping());
        assertEquals(List.of(from(SELF, "STOPPING=1")), listener.take(1, Duration.ofSeconds(10)));
        assertEquals(List.of(), fallback.messages());
    }

    /** Newer versions wait for the receiver to close the barrier's descriptor: the caller must not. */
    @Test
    void aListenerThatReadsLateNeverHoldsUpTheCaller() throws Exception {
        Path tool = systemdNotify();
        String socket = dir.resolve("notify").toString();
        listener = NotifyListener.start(dir, socket, Duration.ofSeconds(3));
        SystemdNotifyCommand notifier = new SystemdNotifyCommand(tool, socket, fallback);
        long start = System.nanoTime();
        assertTrue(notifier.ready("Watching data/host"));
        assertTrue(notifier.status("Watching data/host (2)"));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMs < 500, "queued in " + tookMs + " ms");
        assertEquals(List.of(from(SELF, "READY=1\nSTATUS=Watching data/host"), from(SELF, "STATUS=Watching data/host (2)")),
                listener.take(2, Duration.ofSeconds(15)));
        assertEquals(List.of(), fallback.messages());
    }

    /**
     * Past the 5 s barrier (systemd 246+) the message has left all the same: no resend through libc, no mode
     * change. Without a barrier (EL8's 239) both messages simply arrive when the listener reads.
     */
    @Test
    void anUnconfirmedBarrierStillCountsAsSent() throws Exception {
        Path tool = systemdNotify();
        String socket = dir.resolve("notify").toString();
        listener = NotifyListener.start(dir, socket, Duration.ofSeconds(6));
        SystemdNotifyCommand notifier = new SystemdNotifyCommand(tool, socket, fallback);
        assertTrue(notifier.ready("Watching data/host"));
        assertTrue(notifier.status("later"));
        List<Message> got = new ArrayList<>(listener.take(2, Duration.ofSeconds(20)));
        if (!got.get(1).text().startsWith("STATUS=")) {
            // systemd 246+ reports its own failure (ETIMEDOUT) from its own pid, which NotifyAccess=main drops
            assertEquals("ERRNO=110", got.get(1).text());
            assertNotEquals(SELF, got.get(1).pid());
            got.remove(1);
            got.addAll(listener.take(1, Duration.ofSeconds(10)));
        }
        assertEquals(List.of(from(SELF, "READY=1\nSTATUS=Watching data/host"), from(SELF, "STATUS=later")), got);
        assertTrue(notifier.stopping());
        assertEquals(List.of(from(SELF, "STOPPING=1")), listener.take(1, Duration.ofSeconds(10)));
        assertEquals(List.of(), fallback.messages());
    }

    /** As OpenRC's supervise-daemon after READY=1: nobody listens, and the notifier stops quietly. */
    @Test
    void aSocketThatIsGoneEndsNotification() {
        Path tool = systemdNotify();
        SystemdNotifyCommand notifier = new SystemdNotifyCommand(tool, dir.resolve("absent").toString(), fallback);
        assertTrue(notifier.ready("Watching data/host"), "queued");
        assertFalse(notifier.stopping(), "the socket is not there");
        assertFalse(notifier.status("Reconnecting to XenStore"), "nothing is sent any more");
        assertEquals(List.of(), fallback.messages(), "no retry through libc");
    }

    /** {@code /bin/false} stands in for a systemd-notify that cannot send: libc (jnr-ffi) takes over. */
    @Test
    void aFailingCommandHandsOverToLibc() throws Exception {
        Path failing = RequiredTool.require("/bin/false", "a command that fails");
        String socket = dir.resolve("notify").toString();
        listener = NotifyListener.start(dir, socket, Duration.ZERO);
        SystemdNotifyCommand notifier = new SystemdNotifyCommand(failing, socket, SdNotify.forAddress(socket).orElseThrow());
        assertTrue(notifier.ready("Watching data/host"));
        assertTrue(notifier.stopping(), "sent through libc");
        assertEquals(List.of(from(SELF, "READY=1\nSTATUS=Watching data/host"), from(SELF, "STOPPING=1")),
                listener.take(2, Duration.ofSeconds(10)));
    }

    @Test
    void eachAssignmentIsOneArgument() {
        SystemdNotifyCommand notifier = new SystemdNotifyCommand(Path.of("/usr/bin/systemd-notify"), "/run/x", fallback);
        assertEquals(List.of("/usr/bin/systemd-notify", "--", "READY=1", "STATUS=Idle: no XenStore (a=b); retrying"),
                notifier.command("READY=1\nSTATUS=Idle: no XenStore (a=b); retrying\n\nnot an assignment\n=x"));
    }
}
