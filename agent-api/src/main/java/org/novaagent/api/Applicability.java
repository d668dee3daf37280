/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api;

import java.util.Objects;

/**
 * A handler's verdict on whether it can serve its command on a host, with a human-readable
 * reason shown by {@code agent plugins list} (for example
 * {@code "no etc/netplan directory under the target root"}).
 *
 * @param applicable true when the handler may be selected
 * @param reason     why; never {@code null}, may be empty when applicable
 */
public record Applicability(boolean applicable, String reason) {

    /** Validates the reason. */
    public Applicability {
        Objects.requireNonNull(reason, "reason");
    }

    /** @return an applicable verdict with no reason */
    public static Applicability yes() {
        return new Applicability(true, "");
    }

    /**
     * @param reason why the handler applies, for display
     * @return an applicable verdict
     */
    public static Applicability yes(String reason) {
        return new Applicability(true, reason);
    }

    /**
     * @param reason why the handler does not apply, for display; never {@code null}
     * @return a not-applicable verdict
     */
    public static Applicability no(String reason) {
        return new Applicability(false, reason);
    }
}
