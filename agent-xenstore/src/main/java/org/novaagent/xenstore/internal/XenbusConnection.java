/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.novaagent.xenstore.WatchEvent;
import org.novaagent.xenstore.XenStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Multiplexes requests on one transport: a reader thread frames the stream, hands replies to
 * the waiting caller by req_id and queues watch events; a writer thread does all writes so an
 * interrupted caller can never close the (interruptible) channel.
 */
public final class XenbusConnection {

    private static final Logger LOG = LoggerFactory.getLogger(XenbusConnection.class);
    private static final WatchEvent LOST = new WatchEvent("", "");
    private static final XsMessage STOP = new XsMessage(-1, 0, 0, new byte[0]);

    private final XenbusTransport transport;
    private final Map<Integer, Reply> pending = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<XsMessage> outbox = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<WatchEvent> events = new LinkedBlockingQueue<>();
    private final AtomicInteger nextReqId = new AtomicInteger(1);
    private final Semaphore inFlight;
    private volatile XenStoreException failure;

    /** Starts the reader and writer threads on an open transport. */
    public XenbusConnection(XenbusTransport transport) {
        this.transport = transport;
        this.inFlight = transport.serialRequests() ? new Semaphore(1) : null;
        start("xenstore-reader", this::readLoop);
        start("xenstore-writer", this::writeLoop);
    }

    private static void start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    /** @return the transport this connection runs on */
    public XenbusTransport transport() {
        return transport;
    }

    /**
     * Sends a request and waits for its reply (which may be an ERROR message).
     *
     * @throws XenStoreException connectionLost when the connection is or goes down; E2BIG for an
     *                           oversized payload (nothing is sent); EINTR when interrupted
     */
    public XsMessage call(int type, int txId, byte[] payload, String what) throws XenStoreException {
        if (payload.length > XsOp.PAYLOAD_MAX) {
            throw new XenStoreException(XsOp.name(type) + " " + what + ": payload of " + payload.length
                    + " bytes exceeds the xenbus limit of " + XsOp.PAYLOAD_MAX, "E2BIG", false, null);
        }
        checkOpen();
        if (inFlight != null) {
            inFlight.acquireUninterruptibly();
        }
        int reqId = nextReqId.getAndUpdate(i -> i == Integer.MAX_VALUE ? 1 : i + 1);
        Reply reply = new Reply();
        pending.put(reqId, reply);
        if (failure != null) {
            settle(reqId, null);
            throw lost();
        }
        outbox.add(new XsMessage(type, reqId, txId, payload));
        XsMessage answer;
        try {
            answer = reply.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // the reply still arrives and is dropped by the reader, which also frees the device slot
            throw new XenStoreException(XsOp.name(type) + " " + what + ": interrupted", "EINTR", false, e);
        }
        if (answer == null) {
            throw lost();
        }
        return answer;
    }

    /** Next watch event, delivered in arrival order; events received before a failure come first. */
    public Optional<WatchEvent> awaitEvent(Duration timeout) throws XenStoreException, InterruptedException {
        WatchEvent e = events.poll(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        if (e == LOST) {
            events.add(LOST);
            throw lost();
        }
        if (e == null && failure != null) {
            throw lost();
        }
        return Optional.ofNullable(e);
    }

    /** @return true until the connection failed or was closed */
    public boolean isOpen() {
        return failure == null;
    }

    /** Closes the transport; pending and future calls fail with connectionLost. */
    public void close() {
        fail(XenStoreException.connectionLost("xenstore connection closed (" + transport.description() + ")", null));
    }

    private void checkOpen() throws XenStoreException {
        if (failure != null) {
            throw lost();
        }
    }

    private XenStoreException lost() {
        XenStoreException f = failure;
        return XenStoreException.connectionLost(f.getMessage(), f.getCause());
    }

    private void readLoop() {
        FrameReader reader = new FrameReader(transport.input());
        try {
            while (failure == null) {
                XsMessage m = reader.next();
                if (m.type() == XsOp.WATCH_EVENT) {
                    List<String> parts = m.payloadStrings();
                    if (parts.size() >= 2) {
                        events.add(new WatchEvent(parts.get(0), parts.get(1)));
                    } else {
                        LOG.warn("ignoring malformed watch event from {}", transport.description());
                    }
                } else {
                    dispatch(m);
                }
            }
        } catch (IOException | RuntimeException e) {
            fail(XenStoreException.connectionLost("xenstore connection lost (" + transport.description() + "): " + e.getMessage(), e));
        }
    }

    private void dispatch(XsMessage m) {
        int id = m.reqId();
        if (!pending.containsKey(id) && inFlight != null && pending.size() == 1) {
            // guest device quirk: with one request in flight the reply is ours whatever its req_id
            id = pending.keySet().iterator().next();
        }
        if (!settle(id, m)) {
            LOG.warn("dropping unexpected {} reply with req_id {}", XsOp.name(m.type()), m.reqId());
        }
    }

    private boolean settle(int reqId, XsMessage reply) {
        Reply f = pending.remove(reqId);
        if (f == null) {
            return false;
        }
        if (inFlight != null) {
            inFlight.release();
        }
        f.complete(reply);
        return true;
    }

    private void writeLoop() {
        try {
            while (failure == null) {
                XsMessage m = outbox.take();
                if (m == STOP || failure != null) {
                    return;
                }
                transport.write(m.encode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(XenStoreException.connectionLost("xenstore writer interrupted", e));
        } catch (IOException | RuntimeException e) {
            fail(XenStoreException.connectionLost("xenstore write failed (" + transport.description() + "): " + e.getMessage(), e));
        }
    }

    private void fail(XenStoreException cause) {
        synchronized (this) {
            if (failure != null) {
                return;
            }
            failure = cause;
        }
        LOG.debug("xenstore connection down: {}", cause.getMessage());
        try {
            transport.close();
        } catch (IOException e) {
            LOG.debug("closing {} failed: {}", transport.description(), e.getMessage());
        }
        for (Integer id : List.copyOf(pending.keySet())) {
            settle(id, null);
        }
        outbox.clear();
        outbox.add(STOP);
        events.add(LOST);
    }

    /**
     * One caller's reply slot, settled once by the reader (or with {@code null} when the connection
     * fails). A latch rather than a {@code CompletableFuture}, whose blocking {@code get()} brings
     * in the fork/join pool's classes on every start (issue #14).
     */
    private static final class Reply {
        private final CountDownLatch settled = new CountDownLatch(1);
        private volatile XsMessage message;

        void complete(XsMessage reply) {
            message = reply;
            settled.countDown();
        }

        /** @return the reply, or null when the connection failed first */
        XsMessage await() throws InterruptedException {
            settled.await();
            return message;
        }
    }
}
