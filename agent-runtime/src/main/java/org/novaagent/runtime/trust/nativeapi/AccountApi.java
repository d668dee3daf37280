/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.trust.nativeapi;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;

/**
 * {@code LookupAccountSidW} of {@code advapi32.dll} (winbase.h), bound by jnr-ffi: the call the
 * JDK's own Windows file-system provider makes to name the owner and the principals of an ACL
 * ({@code UserPrincipal.getName()} is {@code domain + "\" + name} from it). Wide strings are
 * NUL-terminated UTF-16LE; the sizes are {@code DWORD}s in characters; the last error is saved.
 */
public interface AccountApi {

    /** {@code ERROR_INSUFFICIENT_BUFFER}: the sizes now hold what is needed, NUL included. */
    int ERROR_INSUFFICIENT_BUFFER = 122;
    /** {@code ERROR_NONE_MAPPED}: no account has that SID. */
    int ERROR_NONE_MAPPED = 1332;

    /**
     * {@code BOOL LookupAccountSidW(LPCWSTR lpSystemName, PSID Sid, LPWSTR Name, LPDWORD cchName,
     * LPWSTR ReferencedDomainName, LPDWORD cchReferencedDomainName, PSID_NAME_USE peUse)}.
     *
     * @return non-zero on success
     */
    @SaveError
    int LookupAccountSidW(@In Pointer systemName, @In Pointer sid, @Out Pointer name, Pointer cchName,
            @Out Pointer domain, Pointer cchDomain, @Out Pointer use);
}
