/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.novaagent.xenstore.WatchEvent;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emulates XenStore watches for a client that has none (Windows command-line tool): a daemon
 * thread snapshots every watched subtree at a fixed interval and queues one event per key that
 * appeared, changed or disappeared. Like the daemon, it queues an initial event for each new watch.
 */
public final class PollingWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(PollingWatcher.class);

    private record Key(String path, String token) {
    }

    private final XenStoreClient client;
    private final Duration interval;
    private final Map<Key, Map<String, String>> snapshots = new LinkedHashMap<>();
    private final LinkedBlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
    private Thread thread;
    private volatile boolean closed;

    /** @param client the client whose read/directory calls are used to take snapshots */
    public PollingWatcher(XenStoreClient client, Duration interval) {
        this.client = client;
        this.interval = interval;
    }

    /** Adds a watch, takes its first snapshot and queues the initial event. */
    public void add(String path, String token) throws XenStoreException {
        Map<String, String> snap = snapshot(path);
        synchronized (this) {
            snapshots.put(new Key(path, token), snap);
            if (thread == null) {
                thread = new Thread(this::loop, "xenstore-poll-watch");
                thread.setDaemon(true);
                thread.start();
            }
        }
        events.add(new WatchEvent(path, token));
    }

    /** Removes a watch. */
    public synchronized void remove(String path, String token) {
        snapshots.remove(new Key(path, token));
    }

    /** @return the next event, or empty after the timeout */
    public Optional<WatchEvent> next(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(events.poll(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS));
    }

    /** Stops polling. */
    public synchronized void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Compares every watched subtree once with its previous snapshot; called by the poll thread and tests. */
    public void pollOnce() throws XenStoreException {
        Map<Key, Map<String, String>> current;
        synchronized (this) {
            current = new LinkedHashMap<>(snapshots);
        }
        for (Map.Entry<Key, Map<String, String>> e : current.entrySet()) {
            Map<String, String> now = snapshot(e.getKey().path());
            Set<String> keys = new HashSet<>(e.getValue().keySet());
            keys.addAll(now.keySet());
            keys.stream().sorted()
                    .filter(k -> !java.util.Objects.equals(e.getValue().get(k), now.get(k)))
                    .forEach(k -> events.add(new WatchEvent(k, e.getKey().token())));
            synchronized (this) {
                snapshots.replace(e.getKey(), now);
            }
        }
    }

    private void loop() {
        while (!closed) {
            try {
                Thread.sleep(interval.toMillis());
                pollOnce();
            } catch (InterruptedException e) {
                return;
            } catch (XenStoreException e) {
                LOG.warn("xenstore watch poll failed: {}", e.getMessage());
            }
        }
    }

    private Map<String, String> snapshot(String path) throws XenStoreException {
        Map<String, String> out = new HashMap<>();
        collect(path, out, 0);
        return out;
    }

    private void collect(String path, Map<String, String> out, int depth) throws XenStoreException {
        Optional<String> v = client.read(path);
        if (v.isEmpty()) {
            return;
        }
        out.put(path, v.get());
        if (depth < 8) {
            for (String child : client.directory(path)) {
                collect(path + "/" + child, out, depth + 1);
            }
        }
    }
}
