/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.novaagent.xenstore.WatchEvent;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreException;

/** An in-memory XenStore shared by several clients (host and fake agent), with watches, for unit tests. */
public final class FakeXenStore {

    private final Map<String, String> data = new TreeMap<>();
    private final List<Client> clients = new CopyOnWriteArrayList<>();

    /** @return a new client whose relative paths resolve against {@code domainPath} */
    public Client connect(String domainPath) {
        Client c = new Client(domainPath);
        clients.add(c);
        return c;
    }

    /** @return a snapshot of every key (absolute path) and value */
    public synchronized Map<String, String> snapshot() {
        return new TreeMap<>(data);
    }

    private void fire(String path) {
        for (Client c : clients) {
            c.fire(path);
        }
    }

    /** One connection. Set {@link #failWatch} to make {@code watch} fail (to test the polling fallback). */
    public final class Client implements XenStoreClient {
        private final String domainPath;
        private final Map<String, String> watches = new java.util.concurrent.ConcurrentHashMap<>();
        private final LinkedBlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
        /** Whether watch() throws. */
        public volatile boolean failWatch;
        private volatile boolean open = true;

        Client(String domainPath) {
            this.domainPath = domainPath;
        }

        private String abs(String path) {
            return path.startsWith("/") ? path : domainPath + "/" + path;
        }

        void fire(String changed) {
            watches.forEach((path, token) -> {
                if (changed.equals(path) || changed.startsWith(path + "/") || path.startsWith(changed + "/")) {
                    events.add(new WatchEvent(changed, token));
                }
            });
        }

        @Override public String domainPath() {
            return domainPath;
        }

        @Override public Optional<byte[]> readBytes(String path) {
            return read(path).map(s -> s.getBytes(StandardCharsets.UTF_8));
        }

        @Override public Optional<String> read(String path) {
            synchronized (FakeXenStore.this) {
                return Optional.ofNullable(data.get(abs(path)));
            }
        }

        @Override public void write(String path, String value) {
            String p = abs(path);
            synchronized (FakeXenStore.this) {
                data.put(p, value);
            }
            FakeXenStore.this.fire(p);
        }

        @Override public List<String> directory(String path) {
            String prefix = abs(path) + "/";
            Set<String> names = new LinkedHashSet<>();
            synchronized (FakeXenStore.this) {
                for (String k : data.keySet()) {
                    if (k.startsWith(prefix)) {
                        names.add(k.substring(prefix.length()).split("/", 2)[0]);
                    }
                }
            }
            return new ArrayList<>(names);
        }

        @Override public void rm(String path) {
            String p = abs(path);
            synchronized (FakeXenStore.this) {
                data.keySet().removeIf(k -> k.equals(p) || k.startsWith(p + "/"));
            }
            FakeXenStore.this.fire(p);
        }

        @Override public void mkdir(String path) {
            synchronized (FakeXenStore.this) {
                data.putIfAbsent(abs(path), "");
            }
        }

        @Override public void watch(String path, String token) throws XenStoreException {
            if (failWatch) {
                throw XenStoreException.errorReply("WATCH", path, "EACCES");
            }
            watches.put(abs(path), token);
            events.add(new WatchEvent(abs(path), token));
        }

        @Override public void unwatch(String path, String token) {
            watches.remove(abs(path));
        }

        @Override public Optional<WatchEvent> awaitEvent(Duration timeout) throws InterruptedException {
            return Optional.ofNullable(events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
        }

        @Override public boolean isOpen() {
            return open;
        }

        @Override public void close() {
            open = false;
            clients.remove(this);
        }
    }
}
