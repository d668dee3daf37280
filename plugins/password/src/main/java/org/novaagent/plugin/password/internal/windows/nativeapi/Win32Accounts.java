/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal.windows.nativeapi;

import java.util.Optional;
import java.util.function.BiFunction;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.byref.IntByReference;
import org.novaagent.plugin.password.internal.windows.WindowsAccountException;
import org.novaagent.plugin.password.internal.windows.WindowsAccounts;
import org.novaagent.plugin.password.internal.windows.Win32Errors;

/**
 * The real {@link WindowsAccounts}: the Win32 account API through jnr-ffi. The DLLs are loaded on
 * the first call, not on construction, so building the handler never touches native code.
 * The password goes to {@code NetUserSetInfo} level 1003 in a native UTF-16LE buffer that is
 * zeroed right after the call.
 */
public final class Win32Accounts implements WindowsAccounts {

    /** Loads the bindings; a seam so tests can hand in Java fakes of the DLL interfaces. */
    @FunctionalInterface
    interface Loader {
        Win32Api load() throws WindowsAccountException;
    }

    private final Loader loader;
    private final BiFunction<Runtime, char[], Pointer> wideBuffers;
    private Win32Api api;

    /** Uses netapi32, advapi32 and kernel32, loaded on first use. */
    public Win32Accounts() {
        this(Win32Api::load, WideStrings::toNative);
    }

    /**
     * The bindings over one library that stands in for netapi32, advapi32 and kernel32 (the
     * password plugin's C test stand-in), for {@code --root} test runs only.
     *
     * @param library the stand-in's path
     * @return accounts over it, loaded on first use
     */
    public static Win32Accounts standIn(String library) {
        return new Win32Accounts(() -> Win32Api.load(library, library, library), WideStrings::toNative);
    }

    /**
     * @param loader      loads the bindings on first use
     * @param wideBuffers allocates the native UTF-16LE buffers (tests keep them to check the wipe)
     */
    Win32Accounts(Loader loader, BiFunction<Runtime, char[], Pointer> wideBuffers) {
        this.loader = loader;
        this.wideBuffers = wideBuffers;
    }

    private synchronized Win32Api api() throws WindowsAccountException {
        if (api == null) {
            api = loader.load();
        }
        return api;
    }

    @Override
    public Optional<String> findAdministrator() throws WindowsAccountException {
        return new AdministratorLookup(api()).find();
    }

    @Override
    public void setPassword(String account, char[] password) throws WindowsAccountException {
        Win32Api win32 = api();
        int addressSize = win32.runtime().addressSize();
        Pointer name = wideBuffers.apply(win32.runtime(), account.toCharArray());
        Pointer secret = wideBuffers.apply(win32.runtime(), password);
        Pointer info = Memory.allocateDirect(win32.runtime(), UserInfoLayout.passwordInfoSize(addressSize), true);
        IntByReference parmErr = new IntByReference(0);
        int status;
        try {
            info.putPointer(0, secret);
            status = win32.netapi().NetUserSetInfo(null, name, UserInfoLayout.LEVEL_PASSWORD, info, parmErr);
        } finally {
            WideStrings.wipe(secret);
            info.putAddress(0, 0L);
        }
        if (status != Win32Errors.SUCCESS) {
            String detail = status == Win32Errors.INVALID_PARAMETER ? " (parm_err " + parmErr.getValue() + ")" : "";
            throw new WindowsAccountException("NetUserSetInfo failed: " + Win32Errors.describe(status) + detail);
        }
    }
}
