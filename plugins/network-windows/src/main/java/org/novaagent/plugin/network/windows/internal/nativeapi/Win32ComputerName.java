/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal.nativeapi;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Platform;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * Renames the computer with the Win32 API, {@code SetComputerNameExW(ComputerNamePhysicalDnsHostname, name)},
 * as the old agent's WMI {@code Win32_ComputerSystem.Rename} did underneath: Windows keeps the new name
 * and applies it at the next restart. kernel32 is loaded on first use, so nothing native is touched
 * unless a live Windows guest really renames itself; tests load the gcc-built stand-in
 * ({@code src/test/c/fake_kernel32_names.c}) through the same binding.
 */
public final class Win32ComputerName implements ComputerNameSetter {

    private final Supplier<ComputerNames> loader;
    private ComputerNames api;

    private Win32ComputerName(Supplier<ComputerNames> loader) {
        this.loader = loader;
    }

    /** @return the setter over the system's kernel32 */
    public static Win32ComputerName system() {
        return over("kernel32");
    }

    /**
     * @param library a library name or path (tests pass the C stand-in's path)
     * @return the setter over that library
     */
    public static Win32ComputerName over(String library) {
        return new Win32ComputerName(() -> {
            LibraryLoader<ComputerNames> l = LibraryLoader.create(ComputerNames.class).failImmediately();
            Platform p = Platform.getNativePlatform();
            if (p.getOS() == Platform.OS.WINDOWS && p.getCPU() == Platform.CPU.I386) {
                l.stdcall();
            }
            return l.load(library);
        });
    }

    @Override
    public synchronized void set(String name) throws ComputerNameException {
        if (name.isEmpty() || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ComputerNameException("not a computer name: only printable ASCII without spaces is passed on");
        }
        ComputerNames names = load();
        Runtime runtime = Runtime.getRuntime(names);
        byte[] utf16 = (name + "\0").getBytes(StandardCharsets.UTF_16LE);
        Pointer buffer = Memory.allocateDirect(runtime, utf16.length);
        buffer.put(0, utf16, 0, utf16.length);
        if (!names.SetComputerNameExW(ComputerNames.COMPUTER_NAME_PHYSICAL_DNS_HOSTNAME, buffer)) {
            throw new ComputerNameException("SetComputerNameExW failed: Win32 error " + LastError.getLastError(runtime));
        }
    }

    private ComputerNames load() throws ComputerNameException {
        if (api == null) {
            try {
                api = loader.get();
            } catch (LinkageError | IllegalStateException e) {
                throw new ComputerNameException("kernel32's SetComputerNameExW could not be loaded ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        return api;
    }
}
