/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.sim.internal;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Listens on the Unix socket and starts a {@link SimConnection} per client. */
public final class Acceptor {

    private static final Logger LOG = LoggerFactory.getLogger(Acceptor.class);
    private static final AtomicInteger IDS = new AtomicInteger();

    private final ServerSocketChannel server;
    private final Engine engine;
    private final Path socket;
    private final Thread thread;

    private Acceptor(ServerSocketChannel server, Engine engine, Path socket) {
        this.server = server;
        this.engine = engine;
        this.socket = socket;
        this.thread = new Thread(this::loop, "xs-sim-accept");
        thread.setDaemon(true);
    }

    /** Binds {@code socket} (replacing a stale socket file) and starts accepting. */
    public static Acceptor bind(Path socket, Engine engine) throws IOException {
        Files.deleteIfExists(socket);
        ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            s.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            s.close();
            throw e;
        }
        Acceptor a = new Acceptor(s, engine, socket);
        a.thread.start();
        return a;
    }

    /** Stops accepting, drops every connection and removes the socket file. */
    public void close() {
        try {
            server.close();
            thread.join(2000);
        } catch (IOException e) {
            LOG.debug("closing {}: {}", socket, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engine.dropAll();
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.debug("removing {}: {}", socket, e.getMessage());
        }
    }

    private void loop() {
        while (server.isOpen()) {
            try {
                SocketChannel ch = server.accept();
                SimConnection c = new SimConnection(ch, engine, IDS.incrementAndGet());
                engine.connected(c);
                c.start();
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.warn("accept on {} failed: {}", socket, e.getMessage());
                }
                return;
            }
        }
    }
}
