/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.novaagent.xenstore.WatchEvent;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which request the loop answers next: ids named by watch events in the order the events
 * arrived, then ids that only a listing of {@code data/host} found, in listing order. Listings
 * cannot give the order (oxenstored sorts children by name), and may be refused (E2BIG for a guest
 * on a daemon without DIRECTORY_PART); events name each request and keep the agent working then.
 */
final class RequestScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(RequestScheduler.class);
    private static final String HOST_PREFIX = RequestProcessor.HOST_DIR + "/";

    private final RequestProcessor processor;
    private final StopSignal stop;
    /** Ids waiting to be processed, in arrival order; the head leaves only once processed. */
    private final Set<String> queue = new LinkedHashSet<>();
    /** Ids XenStore refused to let us process; queued again at the next scan. */
    private final Set<String> refused = new LinkedHashSet<>();
    private String domainPath;
    private boolean scanRequested;
    private boolean listingRefused;

    /**
     * @param processor answers one id
     * @param stop      checked between requests
     */
    RequestScheduler(RequestProcessor processor, StopSignal stop) {
        this.processor = processor;
        this.stop = stop;
    }

    /** Starts a session on a new connection: learns the domain path that absolute event paths carry. */
    void begin(XenStoreClient xs) throws XenStoreException {
        try {
            domainPath = xs.domainPath();
        } catch (XenStoreException e) {
            if (e.isConnectionLost()) {
                throw e;
            }
            LOG.debug("domain path unknown ({}); only relative event paths name requests", e.getMessage());
            domainPath = null;
        }
    }

    /**
     * Takes one watch event: {@code data/host/<id>} queues {@code <id>}; {@code data/host} itself
     * or a deeper path asks for a scan.
     */
    void offer(WatchEvent event) {
        Optional<String> id = requestId(event.path(), domainPath);
        if (id.isPresent()) {
            queue.add(id.get());
        } else {
            scanRequested = true;
        }
    }

    /** Takes every event already received, without waiting. */
    void collect(XenStoreClient xs) throws XenStoreException, InterruptedException {
        Optional<WatchEvent> event;
        while ((event = xs.awaitEvent(Duration.ZERO)).isPresent()) {
            offer(event.get());
        }
    }

    /**
     * Lists {@code data/host}, queues what is not queued yet (after the ids named by events) and
     * processes the queue. A refused listing is logged (WARN once, then DEBUG until it works
     * again) and the queue is processed anyway; only a lost connection is thrown.
     */
    void scan(XenStoreClient xs) throws XenStoreException, InterruptedException {
        list(xs);
        process(xs);
    }

    /** Lists {@code data/host} and queues what is new, after the ids named by events. */
    private void list(XenStoreClient xs) throws XenStoreException, InterruptedException {
        List<String> listed = List.of();
        try {
            listed = xs.directory(RequestProcessor.HOST_DIR);
            processor.retainJournal(Set.copyOf(listed));
            if (listingRefused) {
                LOG.info("{} can be listed again", RequestProcessor.HOST_DIR);
                listingRefused = false;
            }
        } catch (XenStoreException e) {
            if (e.isConnectionLost()) {
                throw e;
            }
            if (listingRefused) {
                LOG.debug("cannot list {} ({})", RequestProcessor.HOST_DIR, e.getMessage());
            } else {
                LOG.warn("cannot list {} ({}); answering the requests named by watch events and retrying "
                        + "the listing at the next re-scan", RequestProcessor.HOST_DIR, e.getMessage());
                listingRefused = true;
            }
        }
        collect(xs); // events received before the listing reply go first, in arrival order
        scanRequested = false;
        queue.addAll(listed);
        queue.addAll(refused);
        refused.clear();
    }

    /**
     * Processes the queue in order, taking new events between requests, then scans when an
     * event asked for it. Stops early when a stop is requested.
     */
    void process(XenStoreClient xs) throws XenStoreException, InterruptedException {
        while (!stop.requested()) {
            Iterator<String> head = queue.iterator();
            if (!head.hasNext()) {
                if (!scanRequested) {
                    return;
                }
                list(xs);
                continue;
            }
            String id = head.next();
            RequestProcessor.Outcome outcome = processor.process(xs, id);
            queue.remove(id);
            if (outcome == RequestProcessor.Outcome.FAILED) {
                refused.add(id);
            }
            collect(xs);
        }
        if (!queue.isEmpty()) {
            LOG.info("stopping: {} requests left for the next start", queue.size());
        }
    }

    /** @return the ids waiting, in the order they will be processed (for tests) */
    List<String> queued() {
        return new ArrayList<>(queue);
    }

    /**
     * @param path       an event path, relative to the domain home or absolute
     * @param domainPath the domain home, or null when unknown
     * @return the id when the path is exactly one level below {@code data/host}
     */
    static Optional<String> requestId(String path, String domainPath) {
        String relative = path;
        if (domainPath != null && path.startsWith(domainPath + "/")) {
            relative = path.substring(domainPath.length() + 1);
        }
        if (!relative.startsWith(HOST_PREFIX)) {
            return Optional.empty();
        }
        String id = relative.substring(HOST_PREFIX.length());
        return id.isEmpty() || id.indexOf('/') >= 0 ? Optional.empty() : Optional.of(id);
    }
}
