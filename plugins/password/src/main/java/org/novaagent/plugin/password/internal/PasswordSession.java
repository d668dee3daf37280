/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The shared secret left by the last {@code keyinit}, kept in memory only (through
 * {@code CommandContext.sharedState}) until a {@code password} succeeds. Replaced by every
 * keyinit; a failed password keeps it so the host can retry.
 */
public final class PasswordSession {

    private byte[] passphrase;

    /** Creates an empty session (no key exchange yet). */
    public PasswordSession() {
    }

    /**
     * Stores a new shared secret, wiping the previous one.
     *
     * @param decimalSecret the ASCII decimal shared secret; copied, the caller wipes its array
     */
    synchronized void replace(byte[] decimalSecret) {
        wipe();
        passphrase = decimalSecret.clone();
    }

    /**
     * @return a copy of the shared secret for one use (the caller wipes it), or empty when no
     *         key exchange happened since the last successful password
     */
    synchronized Optional<byte[]> copy() {
        return passphrase == null ? Optional.empty() : Optional.of(passphrase.clone());
    }

    /** @return true when a shared secret is held */
    synchronized boolean isEstablished() {
        return passphrase != null;
    }

    /** Wipes and forgets the shared secret. */
    synchronized void clear() {
        wipe();
    }

    private void wipe() {
        if (passphrase != null) {
            Arrays.fill(passphrase, (byte) 0);
            passphrase = null;
        }
    }

    /** Never prints the secret. */
    @Override
    public synchronized String toString() {
        return "PasswordSession[established=" + (passphrase != null) + "]";
    }
}
