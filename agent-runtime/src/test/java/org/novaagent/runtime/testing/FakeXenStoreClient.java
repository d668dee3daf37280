/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.novaagent.xenstore.WatchEvent;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreException;

/** One connection to a {@link FakeXenStore}; breaks like a real one when the store drops it. */
public final class FakeXenStoreClient implements XenStoreClient {

    private static final WatchEvent CLOSED = new WatchEvent("", "\0closed");

    private final FakeXenStore store;
    private final Map<String, String> watches = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
    private volatile boolean open = true;

    FakeXenStoreClient(FakeXenStore store) {
        this.store = store;
    }

    @Override
    public String domainPath() throws XenStoreException {
        check();
        return FakeXenStore.DOMAIN_PATH;
    }

    @Override
    public Optional<byte[]> readBytes(String path) throws XenStoreException {
        String abs = FakeXenStore.absolute(path);
        FakeXenStore.Fault f = before("read", abs);
        Optional<byte[]> value = store.get(abs);
        after(f, "read");
        return value;
    }

    @Override
    public Optional<String> read(String path) throws XenStoreException {
        return readBytes(path).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    @Override
    public void write(String path, String value) throws XenStoreException {
        String abs = FakeXenStore.absolute(path);
        FakeXenStore.Fault f = before("write", abs);
        store.put(abs, value.getBytes(StandardCharsets.UTF_8));
        after(f, "write");
    }

    @Override
    public List<String> directory(String path) throws XenStoreException {
        String abs = FakeXenStore.absolute(path);
        FakeXenStore.Fault f = before("directory", abs);
        List<String> children = store.children(abs);
        after(f, "directory");
        return children;
    }

    @Override
    public void rm(String path) throws XenStoreException {
        String abs = FakeXenStore.absolute(path);
        FakeXenStore.Fault f = before("rm", abs);
        store.remove(abs);
        after(f, "rm");
    }

    @Override
    public void mkdir(String path) throws XenStoreException {
        String abs = FakeXenStore.absolute(path);
        FakeXenStore.Fault f = before("mkdir", abs);
        store.mkdir(abs);
        after(f, "mkdir");
    }

    @Override
    public void watch(String path, String token) throws XenStoreException {
        String abs = FakeXenStore.absolute(path);
        before("watch", abs);
        watches.put(abs, token);
        events.add(new WatchEvent(abs, token));
    }

    @Override
    public void unwatch(String path, String token) throws XenStoreException {
        check();
        watches.remove(FakeXenStore.absolute(path), token);
    }

    @Override
    public Optional<WatchEvent> awaitEvent(Duration timeout) throws XenStoreException, InterruptedException {
        check();
        WatchEvent e = events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (e == CLOSED || !open) {
            events.add(CLOSED);
            throw XenStoreException.connectionLost("connection closed (fake)", null);
        }
        return Optional.ofNullable(e);
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            events.add(CLOSED);
            store.unregister(this);
        }
    }

    void kill() {
        open = false;
        events.add(CLOSED);
    }

    void changed(String path) {
        watches.forEach((watched, token) -> {
            if (path.equals(watched) || path.startsWith(watched + "/")) {
                events.add(new WatchEvent(path, token));
            }
        });
    }

    /** Logs the operation; breaks the connection when a fault strikes before it applies. */
    private FakeXenStore.Fault before(String op, String abs) throws XenStoreException {
        check();
        FakeXenStore.Fault f = store.fault(this, op, abs);
        if (f == FakeXenStore.Fault.BEFORE_APPLY) {
            store.dropAllConnections();
            throw XenStoreException.connectionLost("connection lost before " + op + " (fake)", null);
        }
        if (f == FakeXenStore.Fault.REFUSE) {
            throw XenStoreException.errorReply(op, abs, "EACCES");
        }
        return f;
    }

    private void after(FakeXenStore.Fault f, String op) throws XenStoreException {
        if (f == FakeXenStore.Fault.AFTER_APPLY) {
            store.dropAllConnections();
            throw XenStoreException.connectionLost("connection lost after " + op + " (fake)", null);
        }
    }

    private void check() throws XenStoreException {
        if (!open) {
            throw XenStoreException.connectionLost("connection closed (fake)", null);
        }
    }
}
