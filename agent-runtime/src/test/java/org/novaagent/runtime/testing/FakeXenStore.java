/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.novaagent.xenstore.XenStoreException;

/**
 * An in-memory XenStore for unit tests: a tree with XenStore's insertion-ordered directories, watch
 * events, an operation log, and injected faults (connection loss before or after an operation is
 * applied, refused connections). Connections are {@link FakeXenStoreClient}s.
 */
public final class FakeXenStore {

    /** The domain home of the fake guest. */
    public static final String DOMAIN_PATH = "/local/domain/7";

    /** Where a fault strikes relative to the operation it is attached to. */
    public enum Fault { BEFORE_APPLY, AFTER_APPLY, REFUSE }

    private final Node root = new Node();
    private final List<FakeXenStoreClient> clients = new ArrayList<>();
    private final List<String> operations = new ArrayList<>();
    private final Map<String, Fault> faults = new LinkedHashMap<>();
    private int refusals;
    private int connections;

    /** One key: a value and insertion-ordered children. */
    private static final class Node {
        byte[] value = new byte[0];
        final Map<String, Node> children = new LinkedHashMap<>();
    }

    /** @return a new connection, unless a refusal is pending */
    public synchronized FakeXenStoreClient connect() throws XenStoreException {
        if (refusals > 0) {
            refusals--;
            throw XenStoreException.connectionLost("connection refused (fake)", null);
        }
        connections++;
        FakeXenStoreClient client = new FakeXenStoreClient(this);
        clients.add(client);
        return client;
    }

    /** Makes the next {@code count} connection attempts fail. */
    public synchronized void refuseConnections(int count) {
        refusals = count;
    }

    /** @return how many connections were opened */
    public synchronized int connectionCount() {
        return connections;
    }

    /** Breaks every open connection (a daemon restart). */
    public synchronized void dropAllConnections() {
        for (FakeXenStoreClient c : List.copyOf(clients)) {
            c.kill();
        }
        clients.clear();
    }

    /**
     * Breaks the connection performing {@code op} ({@code write}, {@code rm}, {@code read}...) on
     * the relative {@code path}, once, before or after applying it.
     */
    public synchronized void injectFault(String op, String path, Fault when) {
        faults.put(op + " " + absolute(path), when);
    }

    /** The host side: writes a request or any key. */
    public synchronized void hostWrite(String path, String value) {
        hostWriteBytes(path, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The host side: writes raw bytes. */
    public synchronized void hostWriteBytes(String path, byte[] value) {
        put(absolute(path), value);
    }

    /** The host side: removes a key. */
    public synchronized void hostRm(String path) {
        remove(absolute(path));
    }

    /** @return the value at a relative or absolute path */
    public synchronized Optional<String> value(String path) {
        Node n = find(absolute(path));
        return n == null ? Optional.empty() : Optional.of(new String(n.value, StandardCharsets.UTF_8));
    }

    /** @return the children of a relative or absolute path, in insertion order */
    public synchronized List<String> children(String path) {
        Node n = find(absolute(path));
        return n == null ? List.of() : List.copyOf(n.children.keySet());
    }

    /** @return the log of client operations, e.g. {@code write /local/domain/7/data/guest/1} */
    public synchronized List<String> operations() {
        return List.copyOf(operations);
    }

    /** @return how many times a client performed {@code op} on the relative path */
    public synchronized long count(String op, String path) {
        String entry = op + " " + absolute(path);
        return operations.stream().filter(entry::equals).count();
    }

    static String absolute(String path) {
        return path.startsWith("/") ? path : DOMAIN_PATH + "/" + path;
    }

    /** Logs an operation and applies the fault attached to it; true when it must not apply. */
    synchronized Fault fault(FakeXenStoreClient client, String op, String path) {
        operations.add(op + " " + path);
        return faults.remove(op + " " + path);
    }

    synchronized void unregister(FakeXenStoreClient client) {
        clients.remove(client);
    }

    synchronized Node find(String path) {
        Node n = root;
        for (String part : parts(path)) {
            n = n.children.get(part);
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    synchronized Optional<byte[]> get(String path) {
        Node n = find(path);
        return n == null ? Optional.empty() : Optional.of(n.value.clone());
    }

    synchronized void put(String path, byte[] value) {
        Node n = root;
        for (String part : parts(path)) {
            n = n.children.computeIfAbsent(part, k -> new Node());
        }
        n.value = value.clone();
        fire(path);
    }

    synchronized void mkdir(String path) {
        if (find(path) == null) {
            put(path, new byte[0]);
        }
    }

    synchronized void remove(String path) {
        List<String> parts = parts(path);
        Node parent = root;
        for (String part : parts.subList(0, parts.size() - 1)) {
            parent = parent.children.get(part);
            if (parent == null) {
                return;
            }
        }
        if (parent.children.remove(parts.get(parts.size() - 1)) != null) {
            fire(path);
        }
    }

    synchronized void fire(String path) {
        for (FakeXenStoreClient c : clients) {
            c.changed(path);
        }
    }

    private static List<String> parts(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return parts;
    }
}
