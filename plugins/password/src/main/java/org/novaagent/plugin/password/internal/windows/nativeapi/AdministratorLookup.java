/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal.windows.nativeapi;

import java.util.Optional;
import jnr.ffi.Pointer;
import jnr.ffi.byref.IntByReference;
import jnr.ffi.byref.PointerByReference;
import org.novaagent.plugin.password.internal.windows.AdministratorSid;
import org.novaagent.plugin.password.internal.windows.WindowsAccountException;
import org.novaagent.plugin.password.internal.windows.Win32Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the built-in Administrator by SID, because its name varies by language and can be
 * changed: pages through {@code NetUserEnum} (level 0, normal accounts), reads each account's SID
 * with {@code NetUserGetInfo} level 23 and {@code ConvertSidToStringSidW}, and stops at the one
 * whose RID is 500. Every buffer Windows allocates is freed in a {@code finally}.
 */
final class AdministratorLookup {

    private static final Logger LOG = LoggerFactory.getLogger(AdministratorLookup.class);
    /** Account names are at most 20 characters (UNLEN is 256); SID strings stay under 190. */
    private static final int MAX_CHARS = 256;

    private final Win32Api api;

    AdministratorLookup(Win32Api api) {
        this.api = api;
    }

    /**
     * @return the Administrator's name, or empty when no enumerated account has RID 500
     * @throws WindowsAccountException when Windows refuses to list or describe the accounts
     */
    Optional<String> find() throws WindowsAccountException {
        IntByReference resume = new IntByReference(0);
        int status;
        do {
            PointerByReference buffer = new PointerByReference();
            IntByReference read = new IntByReference(0);
            IntByReference total = new IntByReference(0);
            status = api.netapi().NetUserEnum(null, UserInfoLayout.LEVEL_NAMES, NetApi32.FILTER_NORMAL_ACCOUNT,
                    buffer, NetApi32.MAX_PREFERRED_LENGTH, read, total, resume);
            if (status != Win32Errors.SUCCESS && status != Win32Errors.MORE_DATA) {
                throw new WindowsAccountException("NetUserEnum failed: " + Win32Errors.describe(status));
            }
            Optional<String> found = scan(buffer.getValue(), read.getValue());
            if (found.isPresent()) {
                return found;
            }
        } while (status == Win32Errors.MORE_DATA);
        return Optional.empty();
    }

    private Optional<String> scan(Pointer names, int count) throws WindowsAccountException {
        if (names == null) {
            return Optional.empty();
        }
        try {
            for (int i = 0; i < count; i++) {
                Pointer name = names.getPointer(UserInfoLayout.nameEntryOffset(api.runtime().addressSize(), i));
                Optional<String> sid = sidOf(name);
                if (sid.isPresent() && AdministratorSid.isBuiltinAdministrator(sid.get())) {
                    String account = WideStrings.read(name, MAX_CHARS);
                    LOG.debug("built-in administrator is '{}' ({})", account, sid.get());
                    return Optional.of(account);
                }
            }
            return Optional.empty();
        } finally {
            api.netapi().NetApiBufferFree(names);
        }
    }

    /** The account's SID string, or empty when it vanished between the two calls. */
    private Optional<String> sidOf(Pointer name) throws WindowsAccountException {
        PointerByReference buffer = new PointerByReference();
        int status = api.netapi().NetUserGetInfo(null, name, UserInfoLayout.LEVEL_SID, buffer);
        if (status == Win32Errors.USER_NOT_FOUND) {
            return Optional.empty();
        }
        if (status != Win32Errors.SUCCESS) {
            throw new WindowsAccountException("NetUserGetInfo failed: " + Win32Errors.describe(status));
        }
        Pointer info = buffer.getValue();
        try {
            Pointer sid = info.getPointer(UserInfoLayout.sidOffset(api.runtime().addressSize()));
            PointerByReference text = new PointerByReference();
            if (api.advapi().ConvertSidToStringSidW(sid, text) == 0) {
                throw new WindowsAccountException("ConvertSidToStringSidW failed: "
                        + Win32Errors.describe(api.lastError()));
            }
            Pointer string = text.getValue();
            try {
                return Optional.of(WideStrings.read(string, MAX_CHARS));
            } finally {
                api.kernel().LocalFree(string);
            }
        } finally {
            api.netapi().NetApiBufferFree(info);
        }
    }
}
