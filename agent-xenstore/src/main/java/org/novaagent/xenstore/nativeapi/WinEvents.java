/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.nativeapi;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.SaveError;

/**
 * The {@code kernel32.dll} event functions the xencontrol watches need, bound by jnr-ffi.
 */
public interface WinEvents {

    /** {@code WAIT_TIMEOUT}. */
    int WAIT_TIMEOUT = 0x102;
    /** {@code WAIT_FAILED}. */
    int WAIT_FAILED = 0xFFFFFFFF;
    /** {@code MAXIMUM_WAIT_OBJECTS}: at most this many handles per wait. */
    int MAXIMUM_WAIT_OBJECTS = 64;

    /**
     * {@code HANDLE CreateEventW(LPSECURITY_ATTRIBUTES, BOOL bManualReset, BOOL bInitialState, LPCWSTR lpName)}.
     *
     * @param attributes   {@code NULL}
     * @param manualReset  0: auto-reset (a wait that returns it also resets it)
     * @param initialState 0: not signalled
     * @param name         {@code NULL}: unnamed
     * @return the handle, {@code NULL} on failure
     */
    @SaveError
    Pointer CreateEventW(Pointer attributes, int manualReset, int initialState, Pointer name);

    /**
     * {@code DWORD WaitForMultipleObjects(DWORD nCount, const HANDLE *lpHandles, BOOL bWaitAll, DWORD dwMilliseconds)}.
     *
     * @param count        the number of handles (at most {@link #MAXIMUM_WAIT_OBJECTS})
     * @param handles      an array of {@code count} handles
     * @param waitAll      0: return when any one is signalled
     * @param milliseconds the timeout
     * @return {@code WAIT_OBJECT_0 + i} (= i) for the signalled handle, {@link #WAIT_TIMEOUT} or {@link #WAIT_FAILED}
     */
    @SaveError
    int WaitForMultipleObjects(int count, @In Pointer handles, int waitAll, int milliseconds);

    /**
     * {@code BOOL CloseHandle(HANDLE)}.
     *
     * @param handle the handle
     * @return non-zero on success
     */
    int CloseHandle(Pointer handle);
}
