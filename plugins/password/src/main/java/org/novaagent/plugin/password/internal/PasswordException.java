/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal;

/**
 * A password or key-exchange failure whose message is safe to send to the host and to log:
 * it never contains the plaintext, the shared secret or a derived key.
 */
public final class PasswordException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message a host-safe message
     */
    public PasswordException(String message) {
        super(message);
    }

    /**
     * @param message a host-safe message
     * @param cause   the underlying failure (its message must be host-safe too)
     */
    public PasswordException(String message, Throwable cause) {
        super(message, cause);
    }
}
