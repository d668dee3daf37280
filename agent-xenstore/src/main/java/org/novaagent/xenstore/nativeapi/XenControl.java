/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.nativeapi;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.byref.PointerByReference;

/**
 * The XenStore functions of {@code xencontrol.dll}, the user-mode library of the Xen PV drivers'
 * xeniface device (win-xeniface {@code include/xencontrol.h}), bound by jnr-ffi. Public and in an
 * exported package only because jnr-ffi generates the implementation in its own class loader.
 * Paths and values are NUL-terminated 8-bit strings ({@code PCHAR}); every function returns a
 * Win32 error code ({@code ERROR_SUCCESS} = 0).
 */
public interface XenControl {

    /**
     * {@code DWORD XcOpen(XENCONTROL_LOGGER *Logger, PXENCONTROL_CONTEXT *Xc)}.
     *
     * @param logger {@code NULL}: the library then logs nothing ({@code _Log} returns when it is NULL)
     * @param xc     receives the context
     * @return a Win32 error code (the xeniface device missing gives an error here)
     */
    int XcOpen(Pointer logger, @Out PointerByReference xc);

    /**
     * {@code void XcClose(PXENCONTROL_CONTEXT Xc)}.
     *
     * @param xc the context from {@link #XcOpen}
     */
    void XcClose(Pointer xc);

    /**
     * {@code DWORD XcStoreRead(Xc, PSTR Path, DWORD cbValue, CHAR *Value)}: copies the value and
     * its NUL into {@code value}; {@code ERROR_MORE_DATA} or {@code ERROR_INSUFFICIENT_BUFFER}
     * when it does not fit, {@code ERROR_FILE_NOT_FOUND} when the key is missing.
     *
     * @param xc      the context
     * @param path    the key
     * @param cbValue the size of {@code value} in bytes
     * @param value   the output buffer
     * @return a Win32 error code
     */
    int XcStoreRead(Pointer xc, @In Pointer path, int cbValue, @Out Pointer value);

    /**
     * {@code DWORD XcStoreWrite(Xc, PCHAR Path, PCHAR Value)}.
     *
     * @param xc    the context
     * @param path  the key
     * @param value the value (no NUL inside: the library measures it with {@code strlen})
     * @return a Win32 error code
     */
    int XcStoreWrite(Pointer xc, @In Pointer path, @In Pointer value);

    /**
     * {@code DWORD XcStoreDirectory(Xc, PCHAR Path, DWORD cbOutput, CHAR *Output)}: the child
     * names as a multi-string (each name NUL-terminated, one more NUL at the end).
     *
     * @param xc       the context
     * @param path     the key
     * @param cbOutput the size of {@code output} in bytes
     * @param output   the output buffer
     * @return a Win32 error code
     */
    int XcStoreDirectory(Pointer xc, @In Pointer path, int cbOutput, @Out Pointer output);

    /**
     * {@code DWORD XcStoreRemove(Xc, PCHAR Path)}.
     *
     * @param xc   the context
     * @param path the key (with its children)
     * @return a Win32 error code
     */
    int XcStoreRemove(Pointer xc, @In Pointer path);

    /**
     * {@code DWORD XcStoreAddWatch(Xc, PCHAR Path, HANDLE Event, PVOID *Handle)}: the driver
     * signals {@code event} when the key or a descendant changes, and once right after the watch
     * is added.
     *
     * @param xc     the context
     * @param path   the key
     * @param event  an auto-reset event from {@link WinEvents#CreateEventW}
     * @param handle receives the watch handle
     * @return a Win32 error code
     */
    int XcStoreAddWatch(Pointer xc, @In Pointer path, Pointer event, @Out PointerByReference handle);

    /**
     * {@code DWORD XcStoreRemoveWatch(Xc, PVOID Handle)}.
     *
     * @param xc     the context
     * @param handle the watch handle
     * @return a Win32 error code
     */
    int XcStoreRemoveWatch(Pointer xc, Pointer handle);
}
