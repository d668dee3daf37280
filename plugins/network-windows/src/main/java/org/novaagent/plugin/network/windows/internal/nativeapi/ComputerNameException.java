/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal.nativeapi;

/** The computer could not be renamed; the message is safe for the reply (a Win32 error number, no paths). */
public final class ComputerNameException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what failed */
    public ComputerNameException(String message) {
        super(message);
    }
}
