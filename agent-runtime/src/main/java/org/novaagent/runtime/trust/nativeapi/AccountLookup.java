/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.trust.nativeapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Platform;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * Names a SID the way the JDK's Windows provider names a {@code UserPrincipal}: {@code domain + "\"
 * + name} from {@code LookupAccountSidW} on the local system, so {@code BUILTIN\Administrators} on
 * an English Windows and {@code VORDEFINIERT\Administratoren} on a German one, {@code \Everyone}
 * (empty domain) for S-1-1-0. The plugins-directory trust rule compares ACL principals with these
 * names, so it holds whatever the display language. Two calls: sizes first
 * ({@code ERROR_INSUFFICIENT_BUFFER}), then the strings. Thread-safe (no shared buffers).
 */
public final class AccountLookup {

    /** Longest name or domain accepted, in characters (Windows' own limits are far below). */
    static final int MAX_CHARS = 1024;

    private final AccountApi api;
    private final Runtime runtime;

    /**
     * @param api     the advapi32 binding (or a stand-in)
     * @param runtime its jnr runtime
     */
    public AccountLookup(AccountApi api, Runtime runtime) {
        this.api = api;
        this.runtime = runtime;
    }

    /**
     * @param library {@code advapi32} on Windows, a stand-in's path in tests
     * @return a lookup over that library
     * @throws UnsatisfiedLinkError when it cannot be loaded
     */
    public static AccountLookup load(String library) {
        LibraryLoader<AccountApi> loader = LibraryLoader.create(AccountApi.class).failImmediately();
        Platform p = Platform.getNativePlatform();
        if (p.getOS() == Platform.OS.WINDOWS && p.getCPU() == Platform.CPU.I386) {
            loader.stdcall();
        }
        AccountApi api = loader.load(library);
        return new AccountLookup(api, Runtime.getRuntime(api));
    }

    /**
     * @param sid a SID string, for example {@code S-1-5-32-544}
     * @return {@code domain\name} as the JDK's {@code UserPrincipal.getName()} spells it
     * @throws IOException when the SID names no account or the call fails (the Win32 error is named)
     * @throws IllegalArgumentException when {@code sid} is not a SID string
     */
    public String nameOf(String sid) throws IOException {
        byte[] binary = SidBytes.of(sid);
        Pointer sidMem = Memory.allocateDirect(runtime, binary.length);
        sidMem.put(0, binary, 0, binary.length);
        Pointer cchName = Memory.allocateDirect(runtime, 4);
        Pointer cchDomain = Memory.allocateDirect(runtime, 4);
        Pointer use = Memory.allocateDirect(runtime, 4);
        cchName.putInt(0, 0);
        cchDomain.putInt(0, 0);
        if (api.LookupAccountSidW(null, sidMem, null, cchName, null, cchDomain, use) != 0) {
            throw new IOException("LookupAccountSidW(" + sid + ") succeeded without buffers");
        }
        int error = LastError.getLastError(runtime);
        if (error != AccountApi.ERROR_INSUFFICIENT_BUFFER) {
            throw failure(sid, error);
        }
        int nameChars = cchName.getInt(0);
        int domainChars = cchDomain.getInt(0);
        if (nameChars < 1 || nameChars > MAX_CHARS || domainChars < 1 || domainChars > MAX_CHARS) {
            throw new IOException("LookupAccountSidW(" + sid + ") asked for " + nameChars + " and " + domainChars
                    + " characters");
        }
        Pointer name = Memory.allocateDirect(runtime, 2 * nameChars);
        Pointer domain = Memory.allocateDirect(runtime, 2 * domainChars);
        if (api.LookupAccountSidW(null, sidMem, name, cchName, domain, cchDomain, use) == 0) {
            throw failure(sid, LastError.getLastError(runtime));
        }
        return wide(domain, domainChars) + "\\" + wide(name, nameChars);
    }

    /** The NUL-terminated UTF-16LE string in a buffer of {@code chars} characters. */
    private static String wide(Pointer buffer, int chars) {
        byte[] bytes = new byte[2 * chars];
        buffer.get(0, bytes, 0, bytes.length);
        int end = 0;
        while (end < chars && (bytes[2 * end] != 0 || bytes[2 * end + 1] != 0)) {
            end++;
        }
        return new String(bytes, 0, 2 * end, StandardCharsets.UTF_16LE);
    }

    private static IOException failure(String sid, int error) {
        String what = error == AccountApi.ERROR_NONE_MAPPED ? "no account has this SID" : "Win32 error " + error;
        return new IOException("LookupAccountSidW(" + sid + "): " + what + " (" + error + ")");
    }
}
