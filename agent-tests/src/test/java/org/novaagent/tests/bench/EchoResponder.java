/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.novaagent.xenstore.WatchEvent;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreConnector;
import org.novaagent.xenstore.XenStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The baseline "agent": a second XenStore connection that watches {@code <base>/host} and, for
 * each new {@code <base>/host/<id>}, writes {@code <base>/guest/<id>} at once (then removes the
 * request, as the agent does). What is left is the bare cost of XenStore and our client. A base
 * other than {@code data} lets it run next to the real agent.
 */
public final class EchoResponder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EchoResponder.class);
    private static final String TOKEN = "bench-echo";
    private static final String REPLY = "{\"returncode\":\"0\",\"message\":\"echo\"}";
    private final String prefix;
    private final String guestDir;
    private final XenStoreClient client;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;

    private EchoResponder(XenStoreClient client, String base) {
        this.client = client;
        this.prefix = base + "/host/";
        this.guestDir = base + "/guest/";
        this.thread = new Thread(this::loop, "bench-echo");
        this.thread.setDaemon(true);
    }

    /** Connects, arms the watch and starts answering. */
    public static EchoResponder start(Path socket, String base) throws XenStoreException, InterruptedException {
        XenStoreClient c = XenStoreConnector.openSocket(socket);
        c.mkdir(base + "/host");
        c.watch(base + "/host", TOKEN);
        c.awaitEvent(Duration.ofSeconds(2)); // the watch's initial event
        EchoResponder r = new EchoResponder(c, base);
        r.thread.start();
        return r;
    }

    private void loop() {
        Set<String> answered = new HashSet<>();
        try {
            while (running) {
                Optional<WatchEvent> e = client.awaitEvent(Duration.ofMillis(200));
                if (e.isEmpty()) {
                    continue;
                }
                String path = e.get().path();
                int at = path.lastIndexOf(prefix);
                if (at < 0) {
                    continue;
                }
                String id = path.substring(at + prefix.length());
                // the removal below fires the watch again: answer each id once
                if (!id.isEmpty() && !id.contains("/") && answered.add(id)) {
                    client.write(guestDir + id, REPLY);
                    client.rm(prefix + id);
                }
            }
        } catch (XenStoreException e) {
            if (running) {
                failure = e;
                LOG.error("echo responder lost its connection: {}", e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the error that stopped the responder, if any */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
    }
}
