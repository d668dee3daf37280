/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.trust.nativeapi;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;

/**
 * {@code SetNamedSecurityInfoW} of {@code advapi32.dll} (aclapi.h), bound by jnr-ffi: the call that,
 * unlike the JDK's {@code SetFileSecurityW}, can mark a DACL protected, so that what the parent hands
 * down is never merged in again. The object name is a NUL-terminated UTF-16LE string; the result is
 * the Win32 error code itself ({@code ERROR_SUCCESS} = 0), not a last error.
 */
public interface SecurityApi {

    /** {@code SE_FILE_OBJECT} of the {@code SE_OBJECT_TYPE} enumeration. */
    int SE_FILE_OBJECT = 1;
    /** {@code DACL_SECURITY_INFORMATION}. */
    int DACL_SECURITY_INFORMATION = 0x00000004;
    /** {@code PROTECTED_DACL_SECURITY_INFORMATION}: the DACL does not inherit from the parent. */
    int PROTECTED_DACL_SECURITY_INFORMATION = 0x80000000;

    /**
     * {@code DWORD SetNamedSecurityInfoW(LPWSTR pObjectName, SE_OBJECT_TYPE ObjectType,
     * SECURITY_INFORMATION SecurityInfo, PSID psidOwner, PSID psidGroup, PACL pDacl, PACL pSacl)}.
     *
     * @return 0 on success, else the Win32 error
     */
    int SetNamedSecurityInfoW(@In Pointer objectName, int objectType, int securityInfo, @In Pointer owner,
            @In Pointer group, @In Pointer dacl, @In Pointer sacl);
}
