/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal.windows.nativeapi;

import jnr.ffi.Pointer;

/** The one {@code kernel32.dll} function we need, to free what advapi32 allocated, bound by jnr-ffi. */
public interface Kernel32 {

    /**
     * {@code LocalFree}.
     *
     * @param memory a buffer from {@code LocalAlloc}, for example a SID string
     * @return {@code NULL} on success, the buffer on failure
     */
    Pointer LocalFree(Pointer memory);
}
