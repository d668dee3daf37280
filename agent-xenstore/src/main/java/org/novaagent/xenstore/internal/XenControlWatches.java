/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jnr.ffi.LastError;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.byref.PointerByReference;
import org.novaagent.xenstore.WatchEvent;
import org.novaagent.xenstore.XenStoreException;
import org.novaagent.xenstore.nativeapi.WinEvents;
import org.novaagent.xenstore.nativeapi.XenControlLibrary;

/**
 * The watches of one xencontrol context: each is an auto-reset event the xeniface driver signals
 * when the watched key or a descendant changes (and once when the watch is added, like xenstored's
 * initial event). The event does not say which key changed, so {@link #next} reports the watched
 * path itself; the agent's loop then lists the directory. Waits are sliced (at most 200 ms) so a
 * thread interrupt stops a wait promptly.
 */
final class XenControlWatches {

    private static final long SLICE_MS = 200;

    private record Watch(String path, String token, Pointer event, Pointer handle) {
    }

    private final XenControlLibrary lib;
    private final Pointer xc;
    private final List<Watch> watches = new ArrayList<>();

    XenControlWatches(XenControlLibrary lib, Pointer xc) {
        this.lib = lib;
        this.xc = xc;
    }

    synchronized void add(String path, String token, Pointer cPath) throws XenStoreException {
        if (watches.size() >= WinEvents.MAXIMUM_WAIT_OBJECTS) {
            throw new XenStoreException("watch " + path + ": at most " + WinEvents.MAXIMUM_WAIT_OBJECTS
                    + " watches per connection", "ENOSPC", false, null);
        }
        Pointer event = lib.events().CreateEventW(null, 0, 0, null);
        if (event == null || event.address() == 0) {
            throw new XenStoreException("CreateEventW failed: Win32 error " + LastError.getLastError(lib.runtime()),
                    "EIO", false, null);
        }
        PointerByReference handle = new PointerByReference();
        int status = lib.xc().XcStoreAddWatch(xc, cPath, event, handle);
        if (status != 0) {
            lib.events().CloseHandle(event);
            throw XenControlClient.error("XcStoreAddWatch", path, status);
        }
        watches.add(new Watch(path, token, event, handle.getValue()));
    }

    synchronized void remove(String path, String token) throws XenStoreException {
        for (int i = 0; i < watches.size(); i++) {
            Watch w = watches.get(i);
            if (w.path().equals(path) && w.token().equals(token)) {
                watches.remove(i);
                release(w);
                return;
            }
        }
        throw new XenStoreException("unwatch " + path + ": no such watch", "ENOENT", false, null);
    }

    Optional<WatchEvent> next(Duration timeout) throws XenStoreException, InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
            int slice = (int) Math.min(left, SLICE_MS);
            List<Watch> now;
            synchronized (this) {
                now = List.copyOf(watches);
            }
            if (now.isEmpty()) {
                Thread.sleep(slice);
            } else {
                int result = waitAny(now, slice);
                if (result >= 0 && result < now.size()) {
                    Watch w = now.get(result);
                    return Optional.of(new WatchEvent(w.path(), w.token()));
                }
                if (result != WinEvents.WAIT_TIMEOUT) {
                    throw XenStoreException.connectionLost("WaitForMultipleObjects failed: result " + result
                            + ", Win32 error " + LastError.getLastError(lib.runtime()), null);
                }
            }
            if (left == 0) {
                return Optional.empty();
            }
        }
    }

    private int waitAny(List<Watch> now, int millis) {
        int size = lib.runtime().addressSize();
        Pointer handles = Memory.allocateDirect(lib.runtime(), size * now.size(), true);
        for (int i = 0; i < now.size(); i++) {
            handles.putPointer((long) i * size, now.get(i).event());
        }
        return lib.events().WaitForMultipleObjects(now.size(), handles, 0, millis);
    }

    synchronized void close() {
        for (Watch w : watches) {
            release(w);
        }
        watches.clear();
    }

    private void release(Watch w) {
        lib.xc().XcStoreRemoveWatch(xc, w.handle());
        lib.events().CloseHandle(w.event());
    }
}
