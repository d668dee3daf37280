/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal.windows.nativeapi;

import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import org.novaagent.plugin.password.internal.windows.WindowsAccountException;

/**
 * The three loaded DLL bindings and their jnr runtime, loaded together on first use so that
 * nothing native is touched until a live Windows guest really sets a password.
 *
 * @param netapi  netapi32
 * @param advapi  advapi32
 * @param kernel  kernel32
 * @param runtime the jnr runtime the bindings use (pointer size, memory, last error)
 */
record Win32Api(NetApi32 netapi, Advapi32 advapi, Kernel32 kernel, Runtime runtime) {

    /**
     * Loads netapi32, advapi32 and kernel32. {@code stdcall} is the Win32 convention on 32-bit
     * x86 and ignored on 64-bit, where there is only one.
     *
     * @return the bindings
     * @throws WindowsAccountException when a library or function cannot be loaded
     */
    static Win32Api load() throws WindowsAccountException {
        try {
            NetApi32 netapi = LibraryLoader.create(NetApi32.class).stdcall().failImmediately().load("netapi32");
            Advapi32 advapi = LibraryLoader.create(Advapi32.class).stdcall().failImmediately().load("advapi32");
            Kernel32 kernel = LibraryLoader.create(Kernel32.class).stdcall().failImmediately().load("kernel32");
            return new Win32Api(netapi, advapi, kernel, Runtime.getRuntime(netapi));
        } catch (LinkageError | IllegalStateException e) {
            throw new WindowsAccountException("the Win32 account API could not be loaded ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** @return the thread's last Win32 error, saved by functions annotated {@code @SaveError} */
    int lastError() {
        return LastError.getLastError(runtime);
    }
}
