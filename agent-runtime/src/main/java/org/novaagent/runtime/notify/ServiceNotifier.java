/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.notify;

import java.util.Map;
import java.util.Optional;

/**
 * Tells the service manager about the agent's state ({@code READY=1}, {@code STOPPING=1},
 * {@code STATUS=...}). A seam so the daemon can be tested without systemd.
 */
@FunctionalInterface
public interface ServiceNotifier {

    /** A notifier that sends nothing (no service manager). */
    ServiceNotifier NONE = state -> false;

    /**
     * The daemon's notifier: nothing without a valid {@code NOTIFY_SOCKET} (an absolute path or
     * {@code @abstract}, validated by {@link SdNotify#forAddress}); {@link SystemdNotifyCommand} when the
     * agent runs as root with {@code CAP_SYS_ADMIN} and {@code systemd-notify} is installed (no jnr-ffi);
     * otherwise {@link SdNotify} (libc through jnr-ffi), which is also the command's fallback.
     *
     * @param environment the process environment (e.g. {@link System#getenv()})
     * @return the notifier
     */
    static ServiceNotifier fromEnvironment(Map<String, String> environment) {
        String socket = environment.get("NOTIFY_SOCKET");
        if (socket == null || socket.isEmpty()) {
            return NONE;
        }
        Optional<SdNotify> direct = SdNotify.forAddress(socket);
        if (direct.isEmpty()) {
            return NONE;
        }
        return SystemdNotifyCommand.find(socket, direct.get()).<ServiceNotifier>map(c -> c).orElse(direct.get());
    }

    /**
     * Sends one state message; never throws.
     *
     * @param state newline-separated {@code KEY=VALUE} assignments, e.g. {@code READY=1}
     * @return true when the message was delivered (by {@link SystemdNotifyCommand}: handed to its sender
     *         thread; its {@link #stopping()} waits for the outcome)
     */
    boolean notify(String state);

    /** Sends {@code READY=1} with a status line. */
    default boolean ready(String status) {
        return notify("READY=1\nSTATUS=" + status);
    }

    /** Sends {@code STOPPING=1}. */
    default boolean stopping() {
        return notify("STOPPING=1");
    }

    /** Sends {@code STATUS=...}. */
    default boolean status(String status) {
        return notify("STATUS=" + status);
    }
}
