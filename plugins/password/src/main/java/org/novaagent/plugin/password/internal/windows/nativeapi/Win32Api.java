/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal.windows.nativeapi;

import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Platform;
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
     * Loads netapi32, advapi32 and kernel32.
     *
     * @return the bindings
     * @throws WindowsAccountException when a library or function cannot be loaded
     */
    static Win32Api load() throws WindowsAccountException {
        return load("netapi32", "advapi32", "kernel32");
    }

    /**
     * Loads the three libraries by name or path (tests pass the C stand-ins' paths). {@code stdcall}
     * is the Win32 convention on 32-bit x86 Windows; elsewhere there is only one convention.
     *
     * @param netapi32 library name or path
     * @param advapi32 library name or path
     * @param kernel32 library name or path
     * @return the bindings
     * @throws WindowsAccountException when a library or function cannot be loaded
     */
    static Win32Api load(String netapi32, String advapi32, String kernel32) throws WindowsAccountException {
        try {
            NetApi32 netapi = loader(NetApi32.class).load(netapi32);
            Advapi32 advapi = loader(Advapi32.class).load(advapi32);
            Kernel32 kernel = loader(Kernel32.class).load(kernel32);
            return new Win32Api(netapi, advapi, kernel, Runtime.getRuntime(netapi));
        } catch (LinkageError | IllegalStateException e) {
            throw new WindowsAccountException("the Win32 account API could not be loaded ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static <T> LibraryLoader<T> loader(Class<T> type) {
        LibraryLoader<T> l = LibraryLoader.create(type).failImmediately();
        Platform p = Platform.getNativePlatform();
        if (p.getOS() == Platform.OS.WINDOWS && p.getCPU() == Platform.CPU.I386) {
            l.stdcall();
        }
        return l;
    }

    /** @return the thread's last Win32 error, saved by functions annotated {@code @SaveError} */
    int lastError() {
        return LastError.getLastError(runtime);
    }
}
