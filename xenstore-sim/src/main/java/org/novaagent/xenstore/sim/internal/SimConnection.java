/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.sim.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: a reader thread that frames requests and hands them to the
 * {@link Engine}, and a writer thread that sends replies and watch events in queue order so a
 * slow client never blocks the store.
 */
public final class SimConnection {

    private static final Logger LOG = LoggerFactory.getLogger(SimConnection.class);
    private static final ByteBuffer STOP = ByteBuffer.allocate(0);

    /** A registered watch. */
    record Watch(String absPath, String givenPath, String token) {
    }

    private final SocketChannel channel;
    private final Engine engine;
    private final int id;
    private final LinkedBlockingQueue<ByteBuffer> out = new LinkedBlockingQueue<>();
    /** Guarded by the engine lock. */
    final List<Watch> watches = new ArrayList<>();
    /** Guarded by the engine lock. */
    final Map<Integer, Engine.Txn> transactions = new HashMap<>();
    private volatile boolean closed;

    SimConnection(SocketChannel channel, Engine engine, int id) {
        this.channel = channel;
        this.engine = engine;
        this.id = id;
    }

    void start() {
        Thread r = new Thread(this::readLoop, "xs-sim-conn-" + id + "-read");
        Thread w = new Thread(this::writeLoop, "xs-sim-conn-" + id + "-write");
        r.setDaemon(true);
        w.setDaemon(true);
        r.start();
        w.start();
    }

    /** Queues a message for this client (never blocks). */
    void send(Frame f) {
        if (!closed) {
            out.add(f.encode());
        }
    }

    /** Drops the connection. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        out.add(STOP);
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing connection {}: {}", id, e.getMessage());
        }
        engine.disconnected(this);
    }

    private void readLoop() {
        try {
            while (!closed) {
                engine.handle(this, Frame.read(channel));
            }
        } catch (EOFException e) {
            LOG.debug("connection {} closed by peer", id);
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                LOG.debug("connection {} failed: {}", id, e.toString());
            }
        } finally {
            close();
        }
    }

    private void writeLoop() {
        try {
            while (true) {
                ByteBuffer b = out.take();
                if (b == STOP) {
                    return;
                }
                while (b.hasRemaining()) {
                    channel.write(b);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("connection {} write failed: {}", id, e.getMessage());
            close();
        }
    }
}
