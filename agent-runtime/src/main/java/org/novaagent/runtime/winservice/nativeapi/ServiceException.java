/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.winservice.nativeapi;

/** A service-management call failed; the message names the call and the Win32 error. */
public final class ServiceException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what failed, with the Win32 error number and meaning */
    public ServiceException(String message) {
        super(message);
    }
}
