/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.trust.nativeapi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Platform;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * Gives a directory a protected DACL of full-control entries, handed down to files and
 * subdirectories, through {@code SetNamedSecurityInfoW} with
 * {@code DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION}: the DACL is exactly these
 * entries and stays so when someone later resets inheritance on an ancestor. The ACL is built as
 * winnt.h lays it out ({@code ACL} header, then {@code ACCESS_ALLOWED_ACE}s with the binary SID at
 * offset 8). Thread-safe (no shared buffers).
 */
public final class ProtectedDacl {

    /** {@code ACL_REVISION}. */
    static final int ACL_REVISION = 2;
    /** {@code ACCESS_ALLOWED_ACE_TYPE}. */
    static final int ACCESS_ALLOWED_ACE_TYPE = 0;
    /** {@code OBJECT_INHERIT_ACE | CONTAINER_INHERIT_ACE}: files and subdirectories inherit it. */
    static final int INHERIT_TO_FILES_AND_DIRECTORIES = 0x1 | 0x2;
    /** {@code FILE_ALL_ACCESS}: full control. */
    static final int FILE_ALL_ACCESS = 0x001F01FF;

    private final SecurityApi api;
    private final Runtime runtime;

    /**
     * @param api     the advapi32 binding (or a stand-in)
     * @param runtime its jnr runtime
     */
    public ProtectedDacl(SecurityApi api, Runtime runtime) {
        this.api = api;
        this.runtime = runtime;
    }

    /**
     * @param library {@code advapi32} on Windows, a stand-in's path in tests
     * @return the call over that library
     * @throws UnsatisfiedLinkError when it cannot be loaded
     */
    public static ProtectedDacl load(String library) {
        LibraryLoader<SecurityApi> loader = LibraryLoader.create(SecurityApi.class).failImmediately();
        Platform p = Platform.getNativePlatform();
        if (p.getOS() == Platform.OS.WINDOWS && p.getCPU() == Platform.CPU.I386) {
            loader.stdcall();
        }
        SecurityApi api = loader.load(library);
        return new ProtectedDacl(api, Runtime.getRuntime(api));
    }

    /**
     * @param path the directory, as Windows names it ({@code C:\ProgramData\nova-agent})
     * @param sids who gets full control, as SID strings ({@code S-1-5-18}), in this order
     * @throws IOException when the call fails (the Win32 error is named)
     * @throws IllegalArgumentException when a SID string is malformed or none is given
     */
    public void set(String path, List<String> sids) throws IOException {
        byte[] acl = acl(sids);
        Pointer dacl = Memory.allocateDirect(runtime, acl.length);
        dacl.put(0, acl, 0, acl.length);
        byte[] name = (path + "\0").getBytes(StandardCharsets.UTF_16LE);
        Pointer wide = Memory.allocateDirect(runtime, name.length);
        wide.put(0, name, 0, name.length);
        int error = api.SetNamedSecurityInfoW(wide, SecurityApi.SE_FILE_OBJECT,
                SecurityApi.DACL_SECURITY_INFORMATION | SecurityApi.PROTECTED_DACL_SECURITY_INFORMATION, null, null,
                dacl, null);
        if (error != 0) {
            throw new IOException("SetNamedSecurityInfoW(" + path + "): Win32 error " + error);
        }
    }

    /** @return the binary ACL: full control for each SID, inherited by files and subdirectories */
    static byte[] acl(List<String> sids) {
        if (sids.isEmpty()) {
            throw new IllegalArgumentException("an ACL that grants nobody anything");
        }
        List<byte[]> binary = new ArrayList<>();
        int size = 8;
        for (String sid : sids) {
            byte[] b = SidBytes.of(sid);
            binary.add(b);
            size += 8 + b.length;
        }
        ByteBuffer buf = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        buf.put((byte) ACL_REVISION).put((byte) 0).putShort((short) size).putShort((short) sids.size()).putShort((short) 0);
        for (byte[] sid : binary) {
            buf.put((byte) ACCESS_ALLOWED_ACE_TYPE).put((byte) INHERIT_TO_FILES_AND_DIRECTORIES)
                    .putShort((short) (8 + sid.length)).putInt(FILE_ALL_ACCESS).put(sid);
        }
        return buf.array();
    }
}
