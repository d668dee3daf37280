/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal.nativeapi;

/**
 * Sets the computer name Windows will use from its next restart. The handler's seam: the Win32
 * implementation ({@link Win32ComputerName}) on a guest, a recording one in handler tests.
 */
public interface ComputerNameSetter {

    /**
     * @param name a valid computer name (1-15 of letters, digits and hyphens; checked by the caller)
     * @throws ComputerNameException when Windows refuses it or the API cannot be loaded
     */
    void set(String name) throws ComputerNameException;
}
