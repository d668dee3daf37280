/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal.windows.nativeapi;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.byref.PointerByReference;

/** The one {@code advapi32.dll} function we need, to read a SID as text, bound by jnr-ffi. */
public interface Advapi32 {

    /**
     * {@code ConvertSidToStringSidW}: writes {@code S-1-5-21-...} as a UTF-16LE string the
     * caller frees with {@link Kernel32#LocalFree}.
     *
     * @param sid       a binary SID
     * @param stringSid receives the string
     * @return non-zero on success; on failure the last error says why
     */
    @SaveError
    int ConvertSidToStringSidW(@In Pointer sid, @Out PointerByReference stringSid);
}
