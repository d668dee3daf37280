/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.sim.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.novaagent.xenstore.sim.ClientKind;

/**
 * The store's request handler: resolves paths, runs each operation under one lock, replies, and
 * queues watch events to every connection whose watch matches. Transactions work on a private
 * copy of the tree and replay their writes on commit (last writer wins, never EAGAIN). Guest
 * connections ({@link ClientKind}) get E2BIG instead of a reply over 4096 bytes.
 */
public final class Engine {

    static final int DIRECTORY = 1, READ = 2, GET_PERMS = 3, WATCH = 4, UNWATCH = 5, TX_START = 6, TX_END = 7,
            GET_DOMAIN_PATH = 10, WRITE = 11, MKDIR = 12, RM = 13, SET_PERMS = 14, WATCH_EVENT = 15, ERROR = 16,
            RESET_WATCHES = 21, DIRECTORY_PART = 22;
    private static final byte[] OK = Frame.z("OK");

    /** A transaction: its own tree copy and the writes to replay on commit. */
    static final class Txn {
        final Tree tree;
        final List<Frame> log = new ArrayList<>();

        Txn(Tree tree) {
            this.tree = tree;
        }
    }

    /** A request that cannot be served; becomes an ERROR reply. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String errno) {
            super(errno, null, false, false);
        }
    }

    private final Object lock = new Object();
    private final Tree tree = new Tree();
    private final Set<SimConnection> connections = ConcurrentHashMap.newKeySet();
    private final Paths paths;
    private final ClientKind kind;
    private final List<Map.Entry<SimConnection, Frame>> deferred = new ArrayList<>();
    private int nextTx = 1;

    /**
     * @param domid the domain every connection belongs to (relative paths resolve under it)
     * @param kind  how socket clients are treated (reply size limit, DIRECTORY_PART support)
     */
    public Engine(int domid, ClientKind kind) {
        this.paths = new Paths(domid);
        this.kind = kind;
        tree.mkdir(paths.home());
    }

    /** @return the path resolver */
    public Paths paths() {
        return paths;
    }

    void connected(SimConnection c) {
        connections.add(c);
    }

    void disconnected(SimConnection c) {
        connections.remove(c);
    }

    /** @return open connections */
    public int connectionCount() {
        return connections.size();
    }

    /** Closes every connection. */
    public void dropAll() {
        for (SimConnection c : List.copyOf(connections)) {
            c.close();
        }
    }

    /** Empties the store (keeps the domain home). */
    public void clear() {
        synchronized (lock) {
            tree.clear();
            tree.mkdir(paths.home());
        }
    }

    /** Runs a request from outside the wire (the embedding test); returns the reply. */
    public Frame local(int type, byte[] payload) {
        synchronized (lock) {
            Frame req = new Frame(type, 0, 0, payload, false);
            Frame reply = execute(null, req);
            flushDeferred();
            return reply;
        }
    }

    void handle(SimConnection c, Frame req) {
        synchronized (lock) {
            c.send(execute(c, req));
            flushDeferred();
        }
    }

    /** Queues a message to go out after the current reply (watch events). Under the lock. */
    void afterReply(SimConnection c, Frame f) {
        deferred.add(Map.entry(c, f));
    }

    private void flushDeferred() {
        for (Map.Entry<SimConnection, Frame> e : deferred) {
            e.getKey().send(e.getValue());
        }
        deferred.clear();
    }

    private Frame execute(SimConnection c, Frame req) {
        try {
            if (req.oversized()) {
                throw new Failure("E2BIG");
            }
            byte[] payload = op(c, req);
            if (c != null && kind != ClientKind.PRIVILEGED && payload.length > Frame.PAYLOAD_MAX) {
                throw new Failure("E2BIG"); // a guest's ring carries at most 4096 bytes per message
            }
            return Frame.reply(req, req.type(), payload);
        } catch (Failure f) {
            deferred.clear();
            return Frame.reply(req, ERROR, Frame.z(f.getMessage()));
        }
    }

    private byte[] op(SimConnection c, Frame req) throws Failure {
        List<String> args = req.strings();
        Txn txn = txn(c, req.txId());
        Tree t = txn == null ? tree : txn.tree;
        switch (req.type()) {
            case READ: {
                byte[] v = t.read(paths.resolve(arg(args, 0)));
                if (v == null) {
                    throw new Failure("ENOENT");
                }
                return v;
            }
            case DIRECTORY: {
                List<String> kids = t.children(paths.resolve(arg(args, 0)));
                if (kids == null) {
                    throw new Failure("ENOENT");
                }
                return Listing.full(kids);
            }
            case DIRECTORY_PART:
                return directoryPart(c, t, args);
            case GET_PERMS:
                if (t.read(paths.resolve(arg(args, 0))) == null) {
                    throw new Failure("ENOENT");
                }
                return Frame.z("n" + paths.domid());
            case WRITE: case MKDIR: case RM: case SET_PERMS:
                mutate(t, txn, req);
                return OK;
            case GET_DOMAIN_PATH:
                // every connection is "the guest": answer its home whatever id was asked (a socket client asks for 0)
                numeric(arg(args, 0));
                return Frame.z(paths.home());
            case WATCH: case UNWATCH: case RESET_WATCHES:
                return Watches.handle(this, c, req.type(), args);
            case TX_START:
                return startTx(c);
            case TX_END:
                return endTx(c, req.txId(), arg(args, 0));
            default:
                throw new Failure("EINVAL");
        }
    }

    private byte[] directoryPart(SimConnection c, Tree t, List<String> args) throws Failure {
        if (c != null && kind == ClientKind.GUEST_WITHOUT_DIRECTORY_PART) {
            throw new Failure("ENOSYS");
        }
        if (args.size() != 2) {
            throw new Failure("EINVAL");
        }
        String path = paths.resolve(args.get(0));
        List<String> kids = t.children(path);
        if (kids == null) {
            throw new Failure("ENOENT");
        }
        return Listing.part(kids, t.generation(path), Integer.parseInt(numeric(args.get(1))));
    }

    private void mutate(Tree t, Txn txn, Frame req) throws Failure {
        String path = paths.resolve(arg(req.strings(), 0));
        switch (req.type()) {
            case WRITE: {
                byte[] p = req.payload();
                int nul = indexOfNul(p);
                t.write(path, Arrays.copyOfRange(p, nul + 1, p.length));
                break;
            }
            case MKDIR:
                t.mkdir(path);
                break;
            case RM:
                if (!t.rm(path)) {
                    throw new Failure("ENOENT");
                }
                break;
            default: // SET_PERMS: permissions are not modelled
                if (t.read(path) == null) {
                    throw new Failure("ENOENT");
                }
                return;
        }
        if (txn != null) {
            txn.log.add(req);
        } else {
            Watches.fire(this, connections, paths, path, req.type() == RM);
        }
    }

    private byte[] startTx(SimConnection c) throws Failure {
        if (c == null) {
            throw new Failure("EINVAL");
        }
        int id = nextTx++;
        c.transactions.put(id, new Txn(tree.copy()));
        return Frame.z(Integer.toString(id));
    }

    private byte[] endTx(SimConnection c, int txId, String commit) throws Failure {
        Txn txn = c == null ? null : c.transactions.remove(txId);
        if (txn == null) {
            throw new Failure("ENOENT");
        }
        if ("T".equals(commit)) {
            for (Frame w : txn.log) {
                try {
                    mutate(tree, null, w);
                } catch (Failure ignored) {
                    // an rm of a key someone else already removed: the end state is the same
                }
            }
        } else if (!"F".equals(commit)) {
            throw new Failure("EINVAL");
        }
        return OK;
    }

    private static Txn txn(SimConnection c, int txId) throws Failure {
        if (txId == 0) {
            return null;
        }
        Txn t = c == null ? null : c.transactions.get(txId);
        if (t == null) {
            throw new Failure("ENOENT");
        }
        return t;
    }

    static String arg(List<String> args, int i) throws Failure {
        if (args.size() <= i) {
            throw new Failure("EINVAL");
        }
        return args.get(i);
    }

    private static String numeric(String s) throws Failure {
        if (!s.matches("[0-9]{1,9}")) {
            throw new Failure("EINVAL");
        }
        return s;
    }

    private static int indexOfNul(byte[] p) throws Failure {
        for (int i = 0; i < p.length; i++) {
            if (p[i] == 0) {
                return i;
            }
        }
        throw new Failure("EINVAL");
    }
}
