/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.byref.PointerByReference;
import org.novaagent.xenstore.WatchEvent;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreException;
import org.novaagent.xenstore.nativeapi.XenControlLibrary;

/**
 * XenStore on Windows through {@code xencontrol.dll} (the Xen PV drivers' xeniface): reads,
 * writes, listings and removals are one library call each, and watches are real: the driver
 * signals one auto-reset event per watch, {@link XenControlWatches} waits on them. Strings cross
 * as NUL-terminated UTF-8 in native buffers. Win32 errors map to errno names: file/path not
 * found → {@code ENOENT} (empty read, empty listing, removal done), access denied →
 * {@code EACCES}, anything else → {@code EIO} with the Win32 number.
 */
public final class XenControlClient implements XenStoreClient {

    static final int ERROR_FILE_NOT_FOUND = 2;
    static final int ERROR_PATH_NOT_FOUND = 3;
    static final int ERROR_ACCESS_DENIED = 5;
    static final int ERROR_INSUFFICIENT_BUFFER = 122;
    static final int ERROR_MORE_DATA = 234;
    /** A reply is at most 4096 bytes (XENSTORE_PAYLOAD_MAX); listings can be longer. */
    private static final int FIRST_BUFFER = 4096 + 1;
    private static final int MAX_BUFFER = 1 << 20;

    private final XenControlLibrary lib;
    private final Pointer xc;
    private final XenControlWatches watches;
    private volatile boolean open = true;

    private XenControlClient(XenControlLibrary lib, Pointer xc) {
        this.lib = lib;
        this.xc = xc;
        this.watches = new XenControlWatches(lib, xc);
    }

    /**
     * Opens a xencontrol context ({@code XcOpen}).
     *
     * @param lib the loaded libraries
     * @return the client
     * @throws XenStoreException connectionLost naming the Win32 error when the xeniface device cannot be opened
     */
    public static XenControlClient open(XenControlLibrary lib) throws XenStoreException {
        PointerByReference ctx = new PointerByReference();
        int status = lib.xc().XcOpen(null, ctx);
        if (status != 0 || ctx.getValue() == null) {
            throw XenStoreException.connectionLost("XcOpen failed: Win32 error " + status
                    + " (is the xeniface driver of the Xen PV tools installed?)", null);
        }
        return new XenControlClient(lib, ctx.getValue());
    }

    @Override
    public String domainPath() throws XenStoreException {
        String domid = read("domid").orElseThrow(() -> new XenStoreException(
                "cannot determine the domain path: relative key 'domid' is missing", "ENOENT", false, null));
        return "/local/domain/" + domid.trim();
    }

    @Override
    public Optional<byte[]> readBytes(String path) throws XenStoreException {
        return sized("XcStoreRead", path, (p, size, out) -> lib.xc().XcStoreRead(xc, p, size, out))
                .map(XenControlClient::untilNul);
    }

    @Override
    public Optional<String> read(String path) throws XenStoreException {
        return readBytes(path).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    @Override
    public void write(String path, String value) throws XenStoreException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 4096) {
            throw new XenStoreException("write " + path + ": value exceeds 4096 bytes", "E2BIG", false, null);
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new XenStoreException("write " + path + ": xencontrol cannot write a NUL byte", "EINVAL", false, null);
            }
        }
        checkOpen();
        int status = lib.xc().XcStoreWrite(xc, cString(path), cString(bytes));
        if (status != 0) {
            throw error("XcStoreWrite", path, status);
        }
    }

    @Override
    public List<String> directory(String path) throws XenStoreException {
        Optional<byte[]> multi = sized("XcStoreDirectory", path,
                (p, size, out) -> lib.xc().XcStoreDirectory(xc, p, size, out));
        List<String> names = new ArrayList<>();
        if (multi.isEmpty()) {
            return names;
        }
        byte[] b = multi.get();
        int start = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                if (i == start) {
                    break; // the extra NUL that ends the multi-string
                }
                names.add(new String(b, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return names;
    }

    @Override
    public void rm(String path) throws XenStoreException {
        checkOpen();
        int status = lib.xc().XcStoreRemove(xc, cString(path));
        if (status != 0 && !missing(status)) {
            throw error("XcStoreRemove", path, status);
        }
    }

    @Override
    public void mkdir(String path) throws XenStoreException {
        if (read(path).isEmpty()) {
            write(path, "");
        }
    }

    @Override
    public void watch(String path, String token) throws XenStoreException {
        checkOpen();
        watches.add(path, token, cString(path));
    }

    @Override
    public void unwatch(String path, String token) throws XenStoreException {
        checkOpen();
        watches.remove(path, token);
    }

    @Override
    public Optional<WatchEvent> awaitEvent(Duration timeout) throws XenStoreException, InterruptedException {
        checkOpen();
        return watches.next(timeout);
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public synchronized void close() {
        if (open) {
            open = false;
            watches.close();
            lib.xc().XcClose(xc);
        }
    }

    @FunctionalInterface
    private interface SizedCall {
        int call(Pointer path, int size, Pointer out);
    }

    /** Calls with a 4 KiB buffer, doubling it while the library says the result does not fit. */
    private Optional<byte[]> sized(String op, String path, SizedCall call) throws XenStoreException {
        checkOpen();
        Pointer p = cString(path);
        for (int size = FIRST_BUFFER; size <= MAX_BUFFER; size *= 2) {
            Pointer out = Memory.allocateDirect(lib.runtime(), size, true);
            int status = call.call(p, size, out);
            if (status == 0) {
                byte[] b = new byte[size];
                out.get(0, b, 0, size);
                return Optional.of(b);
            }
            if (missing(status)) {
                return Optional.empty();
            }
            if (status != ERROR_MORE_DATA && status != ERROR_INSUFFICIENT_BUFFER) {
                throw error(op, path, status);
            }
        }
        throw new XenStoreException(op + " " + path + ": result larger than " + MAX_BUFFER + " bytes", "E2BIG", false, null);
    }

    private Pointer cString(String s) {
        return cString(s.getBytes(StandardCharsets.UTF_8));
    }

    private Pointer cString(byte[] bytes) {
        Pointer p = Memory.allocateDirect(lib.runtime(), bytes.length + 1, true);
        p.put(0, bytes, 0, bytes.length);
        return p;
    }

    private static byte[] untilNul(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        byte[] out = new byte[n];
        System.arraycopy(b, 0, out, 0, n);
        return out;
    }

    static boolean missing(int status) {
        return status == ERROR_FILE_NOT_FOUND || status == ERROR_PATH_NOT_FOUND;
    }

    static XenStoreException error(String op, String path, int status) {
        String errno = status == ERROR_ACCESS_DENIED ? "EACCES" : "EIO";
        return new XenStoreException(op + " " + path + " failed: Win32 error " + status, errno, false, null);
    }

    private void checkOpen() throws XenStoreException {
        if (!open) {
            throw XenStoreException.connectionLost("xencontrol client closed", null);
        }
    }
}
