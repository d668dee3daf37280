/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal.windows.nativeapi;

import jnr.ffi.Pointer;
import jnr.ffi.byref.IntByReference;
import jnr.ffi.byref.PointerByReference;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;

/**
 * The {@code netapi32.dll} user-account functions, bound by jnr-ffi (public and in an exported
 * package because jnr-ffi generates the implementation in its own class loader). Every function
 * returns a {@code NET_API_STATUS}; wide strings are {@link Pointer}s to NUL-terminated UTF-16LE.
 */
public interface NetApi32 {

    /** {@code FILTER_NORMAL_ACCOUNT}: ordinary user accounts only. */
    int FILTER_NORMAL_ACCOUNT = 0x0002;
    /** {@code MAX_PREFERRED_LENGTH} (0xFFFFFFFF): let Windows size the buffer. */
    int MAX_PREFERRED_LENGTH = -1;

    /**
     * {@code NetUserEnum}: lists accounts; level 0 gives an array of {@code USER_INFO_0}
     * (one {@code LPWSTR} each). Free {@code bufPtr} with {@link #NetApiBufferFree}.
     *
     * @param serverName   {@code null} for the local computer
     * @param level        0
     * @param filter       {@link #FILTER_NORMAL_ACCOUNT}
     * @param bufPtr       receives the buffer
     * @param prefMaxLen   {@link #MAX_PREFERRED_LENGTH}
     * @param entriesRead  receives the entries in this buffer
     * @param totalEntries receives an estimate of all entries
     * @param resumeHandle 0 on the first call, then kept between pages ({@code ERROR_MORE_DATA})
     * @return {@code NET_API_STATUS}
     */
    int NetUserEnum(@In Pointer serverName, int level, int filter, @Out PointerByReference bufPtr,
            int prefMaxLen, @Out IntByReference entriesRead, @Out IntByReference totalEntries,
            IntByReference resumeHandle);

    /**
     * {@code NetUserGetInfo}: level 23 gives a {@code USER_INFO_23} with the account's SID.
     *
     * @param serverName {@code null} for the local computer
     * @param userName   the account name (UTF-16LE)
     * @param level      23
     * @param bufPtr     receives the buffer, freed with {@link #NetApiBufferFree}
     * @return {@code NET_API_STATUS}
     */
    int NetUserGetInfo(@In Pointer serverName, @In Pointer userName, int level, @Out PointerByReference bufPtr);

    /**
     * {@code NetUserSetInfo}: level 1003 sets the password from a {@code USER_INFO_1003}.
     *
     * @param serverName {@code null} for the local computer
     * @param userName   the account name (UTF-16LE)
     * @param level      1003
     * @param buf        the {@code USER_INFO_1003} (one {@code LPWSTR usri1003_password})
     * @param parmErr    receives the index of the bad field on {@code ERROR_INVALID_PARAMETER}
     * @return {@code NET_API_STATUS}
     */
    int NetUserSetInfo(@In Pointer serverName, @In Pointer userName, int level, @In Pointer buf,
            @Out IntByReference parmErr);

    /**
     * {@code NetApiBufferFree}: frees a buffer the functions above allocated.
     *
     * @param buffer the buffer
     * @return {@code NET_API_STATUS}
     */
    int NetApiBufferFree(Pointer buffer);
}
