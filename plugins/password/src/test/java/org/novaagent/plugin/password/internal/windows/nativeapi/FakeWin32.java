/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.password.internal.windows.nativeapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jnr.ffi.LastError;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.byref.AbstractReference;
import jnr.ffi.byref.IntByReference;
import jnr.ffi.byref.PointerByReference;
import org.novaagent.plugin.password.internal.windows.WindowsAccountException;

/**
 * Java fakes of netapi32, advapi32 and kernel32 that lay out real native memory (jnr on Linux) the
 * way Windows documents it: USER_INFO_0 arrays, USER_INFO_23 with the SID pointer at its offset,
 * LocalAlloc'd SID strings. They record every allocation and every free.
 */
final class FakeWin32 {

    final Runtime runtime = Runtime.getSystemRuntime();
    /** name → SID string, in enumeration order. */
    final Map<String, String> accounts = new LinkedHashMap<>();
    int pageSize = 100;
    int enumStatus;
    int setStatus;
    int setParmErr;
    int convertLastError;
    final Set<String> vanished = new HashSet<>();
    final Set<Long> netApiBuffers = new HashSet<>();
    final Set<Long> localBuffers = new HashSet<>();
    int netApiFrees;
    int localFrees;
    String setAccount;
    String setPasswordSeen;
    Pointer setPasswordBuffer;
    int setLevel;
    private final List<Pointer> keepAlive = new ArrayList<>();

    Win32Api api() {
        return new Win32Api(new NetApi(), this::convert, this::localFree, runtime);
    }

    private Pointer wide(String text) {
        Pointer p = WideStrings.toNative(runtime, text.toCharArray());
        keepAlive.add(p);
        return p;
    }

    private Pointer block(long size) {
        Pointer p = Memory.allocateDirect(runtime, size, true);
        keepAlive.add(p);
        return p;
    }

    /** Sets a by-reference out parameter the way native code would: through its memory. */
    private <T> void out(AbstractReference<T> ref, Pointer value) {
        Pointer cell = block(runtime.addressSize());
        cell.putPointer(0, value);
        ref.fromNative(runtime, cell, 0);
    }

    private void outInt(IntByReference ref, int value) {
        Pointer cell = block(4);
        cell.putInt(0, value);
        ref.fromNative(runtime, cell, 0);
    }

    private static String read(Pointer p) {
        try {
            return WideStrings.read(p, 256);
        } catch (WindowsAccountException e) {
            throw new AssertionError(e);
        }
    }

    private int convert(Pointer sid, PointerByReference text) {
        if (convertLastError != 0) {
            LastError.setLastError(runtime, convertLastError);
            return 0;
        }
        Pointer string = wide(read(sid));
        localBuffers.add(string.address());
        out(text, string);
        return 1;
    }

    private Pointer localFree(Pointer memory) {
        if (!localBuffers.remove(memory.address())) {
            throw new AssertionError("LocalFree of a buffer LocalAlloc did not return");
        }
        localFrees++;
        return null;
    }

    /** netapi32, paging by {@link #pageSize} with the resume handle as the next index. */
    private final class NetApi implements NetApi32 {

        @Override
        public int NetUserEnum(Pointer serverName, int level, int filter, PointerByReference bufPtr,
                int prefMaxLen, IntByReference entriesRead, IntByReference totalEntries, IntByReference resume) {
            if (serverName != null || level != 0 || filter != FILTER_NORMAL_ACCOUNT || prefMaxLen != -1) {
                return 87;
            }
            if (enumStatus != 0) {
                return enumStatus;
            }
            List<String> names = new ArrayList<>(accounts.keySet());
            int start = resume.getValue();
            int end = Math.min(names.size(), start + pageSize);
            Pointer array = block(Math.max(1, end - start) * (long) runtime.addressSize());
            for (int i = start; i < end; i++) {
                array.putPointer(UserInfoLayout.nameEntryOffset(runtime.addressSize(), i - start), wide(names.get(i)));
            }
            netApiBuffers.add(array.address());
            out(bufPtr, array);
            outInt(entriesRead, end - start);
            outInt(totalEntries, names.size());
            outInt(resume, end);
            return end < names.size() ? 234 : 0;
        }

        @Override
        public int NetUserGetInfo(Pointer serverName, Pointer userName, int level, PointerByReference bufPtr) {
            String name = read(userName);
            if (level != 23 || !accounts.containsKey(name)) {
                return level != 23 ? 124 : 2221;
            }
            if (vanished.contains(name)) {
                return 2221;
            }
            Pointer info = block(UserInfoLayout.sidOffset(runtime.addressSize()) + runtime.addressSize());
            info.putPointer(0, userName);
            info.putInt(3L * runtime.addressSize(), 0x0200);
            info.putPointer(UserInfoLayout.sidOffset(runtime.addressSize()), wide(accounts.get(name)));
            netApiBuffers.add(info.address());
            out(bufPtr, info);
            return 0;
        }

        @Override
        public int NetUserSetInfo(Pointer serverName, Pointer userName, int level, Pointer buf, IntByReference parmErr) {
            setLevel = level;
            setAccount = read(userName);
            setPasswordBuffer = buf.getPointer(0);
            setPasswordSeen = read(setPasswordBuffer);
            outInt(parmErr, setParmErr);
            return setStatus;
        }

        @Override
        public int NetApiBufferFree(Pointer buffer) {
            if (!netApiBuffers.remove(buffer.address())) {
                throw new AssertionError("NetApiBufferFree of a buffer netapi32 did not return");
            }
            netApiFrees++;
            return 0;
        }
    }
}
