/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal.windows;

/**
 * A Win32 account operation failed; the message (for example a {@code NERR_*} code and its
 * name) is host-safe and never contains the password.
 */
public final class WindowsAccountException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message a host-safe message
     */
    public WindowsAccountException(String message) {
        super(message);
    }
}
