/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal.nativeapi;

import jnr.ffi.annotations.In;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.Pointer;

/**
 * The one {@code kernel32.dll} function the computer rename needs, bound by jnr-ffi (public because
 * jnr-ffi generates the binding in its own class loader).
 */
public interface ComputerNames {

    /** {@code COMPUTER_NAME_FORMAT.ComputerNamePhysicalDnsHostname}: sets the DNS host name and the NetBIOS name. */
    int COMPUTER_NAME_PHYSICAL_DNS_HOSTNAME = 5;

    /**
     * {@code BOOL SetComputerNameExW(COMPUTER_NAME_FORMAT NameType, LPCWSTR lpBuffer)}: the new name is
     * stored in the registry and takes effect at the next restart.
     *
     * @param nameType one of {@code COMPUTER_NAME_FORMAT}
     * @param name     a NUL-terminated UTF-16LE string
     * @return non-zero on success; on failure the Win32 error is saved
     */
    @SaveError
    boolean SetComputerNameExW(int nameType, @In Pointer name);
}
