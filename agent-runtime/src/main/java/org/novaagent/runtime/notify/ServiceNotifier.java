/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.notify;

/**
 * Tells the service manager about the agent's state ({@code READY=1}, {@code STOPPING=1},
 * {@code STATUS=...}). A seam so the daemon can be tested without systemd.
 */
@FunctionalInterface
public interface ServiceNotifier {

    /** A notifier that sends nothing (no service manager). */
    ServiceNotifier NONE = state -> false;

    /**
     * Sends one state message; never throws.
     *
     * @param state newline-separated {@code KEY=VALUE} assignments, e.g. {@code READY=1}
     * @return true when the message was delivered
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
