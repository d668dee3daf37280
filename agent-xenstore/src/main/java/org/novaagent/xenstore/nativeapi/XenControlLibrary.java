/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.nativeapi;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Platform;
import jnr.ffi.Runtime;

/**
 * {@code xencontrol.dll} and {@code kernel32.dll}, loaded together. On Windows the names are
 * {@code xencontrol} and {@code kernel32}; tests load C stand-ins built with the same signatures
 * by their file path.
 *
 * @param xc      the xencontrol binding
 * @param events  the kernel32 event binding
 * @param runtime the jnr runtime (memory, pointer size, last error)
 */
public record XenControlLibrary(XenControl xc, WinEvents events, Runtime runtime) {

    /** The library names Windows resolves through its DLL search path. */
    public static final String XENCONTROL = "xencontrol";
    /** The library that holds the event functions on Windows. */
    public static final String KERNEL32 = "kernel32";

    /**
     * @param xencontrol a library name or path
     * @param kernel32   a library name or path
     * @return the bindings
     * @throws UnsatisfiedLinkError when a library or one of its functions is missing
     */
    public static XenControlLibrary load(String xencontrol, String kernel32) {
        XenControl xc = loader(XenControl.class).load(xencontrol);
        WinEvents events = loader(WinEvents.class).load(kernel32);
        return new XenControlLibrary(xc, events, Runtime.getRuntime(xc));
    }

    /** {@code stdcall} is the Win32 convention on 32-bit x86 Windows; elsewhere there is only one. */
    private static <T> LibraryLoader<T> loader(Class<T> type) {
        LibraryLoader<T> l = LibraryLoader.create(type).failImmediately();
        Platform p = Platform.getNativePlatform();
        if (p.getOS() == Platform.OS.WINDOWS && p.getCPU() == Platform.CPU.I386) {
            l.stdcall();
        }
        return l;
    }
}
