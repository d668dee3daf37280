/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.novaagent.xenstore.sim.internal.Acceptor;
import org.novaagent.xenstore.sim.internal.Engine;
import org.novaagent.xenstore.sim.internal.Frame;

/**
 * An in-process XenStore daemon on a Unix socket, for tests and the demo. It speaks the xenbus
 * wire protocol well enough for our client, pyxs and the stock {@code xenstore-*} tools
 * ({@code XENSTORED_PATH=<socket>}). Every connection belongs to one domain (default 0).
 */
public final class EmbeddedXenStore implements AutoCloseable {

    private static final int READ = 2, DIRECTORY = 1, WRITE = 11, RM = 13;

    private final Path socket;
    private final Engine engine;
    private final ClientKind kind;
    private Acceptor acceptor;

    private EmbeddedXenStore(Path socket, int domid, ClientKind kind) {
        this.socket = socket;
        this.kind = kind;
        this.engine = new Engine(domid, kind);
    }

    /** Starts a store for domain 0 listening on {@code socket}. */
    public static EmbeddedXenStore start(Path socket) throws IOException {
        return start(socket, 0);
    }

    /**
     * Starts a store listening on {@code socket}.
     *
     * @param domid the domain id of every client: GET_DOMAIN_PATH answers {@code /local/domain/<domid>}
     *              and relative paths resolve there
     */
    public static EmbeddedXenStore start(Path socket, int domid) throws IOException {
        return start(socket, domid, ClientKind.PRIVILEGED);
    }

    /**
     * Starts a store listening on {@code socket} whose clients are treated as {@code kind}
     * ({@link ClientKind#GUEST}: a reply over 4096 bytes is E2BIG, large directories are listed
     * with DIRECTORY_PART, as for a real guest's xenbus connection).
     *
     * @param domid the domain id of every client
     * @param kind  how socket clients are treated
     */
    public static EmbeddedXenStore start(Path socket, int domid, ClientKind kind) throws IOException {
        EmbeddedXenStore s = new EmbeddedXenStore(socket, domid, kind);
        s.acceptor = Acceptor.bind(socket, s.engine);
        return s;
    }

    /** @return the socket path (give it to clients as {@code XENSTORED_PATH}) */
    public Path socketPath() {
        return socket;
    }

    /** @return the configured domain id */
    public int domid() {
        return engine.paths().domid();
    }

    /** @return how socket clients are treated */
    public ClientKind clientKind() {
        return kind;
    }

    /** @return {@code /local/domain/<domid>} */
    public String domainPath() {
        return engine.paths().home();
    }

    /** Reads a key directly (absolute, or relative to the domain path). */
    public Optional<String> read(String path) {
        Frame r = engine.local(READ, Frame.z(path));
        return r.type() == READ ? Optional.of(new String(r.payload(), StandardCharsets.UTF_8)) : Optional.empty();
    }

    /** Writes a key directly, firing watches as a client write would. */
    public void write(String path, String value) {
        byte[] p = Frame.z(path);
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[p.length + v.length];
        System.arraycopy(p, 0, payload, 0, p.length);
        System.arraycopy(v, 0, payload, p.length, v.length);
        checked(engine.local(WRITE, payload), path);
    }

    /** @return the children of a key, or an empty list when it does not exist */
    public List<String> directory(String path) {
        Frame r = engine.local(DIRECTORY, Frame.z(path));
        if (r.type() != DIRECTORY) {
            return List.of();
        }
        return List.of(new String(r.payload(), StandardCharsets.UTF_8).split("\0")).stream()
                .filter(s -> !s.isEmpty()).toList();
    }

    /** Removes a key and its children directly (missing is fine), firing watches. */
    public void rm(String path) {
        engine.local(RM, Frame.z(path));
    }

    /** @return the number of connected clients */
    public int connectionCount() {
        return engine.connectionCount();
    }

    /**
     * Simulates a daemon restart: drops every connection (clients see EOF), optionally clears the
     * data, and listens again on the same socket path.
     *
     * @param keepData true to keep the tree (like oxenstored's persistent DB), false to start empty
     */
    public synchronized void restart(boolean keepData) throws IOException {
        acceptor.close();
        if (!keepData) {
            engine.clear();
        }
        acceptor = Acceptor.bind(socket, engine);
    }

    /** Drops every connection but keeps listening (a connection-loss test without downtime). */
    public void dropConnections() {
        engine.dropAll();
    }

    /** Stops listening, closes every connection and removes the socket file. */
    @Override
    public synchronized void close() {
        acceptor.close();
    }

    private static void checked(Frame r, String path) {
        if (r.type() == 16) {
            throw new IllegalArgumentException("write " + path + ": " + new String(r.payload(), StandardCharsets.UTF_8).trim());
        }
    }
}
