/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes replies the host has consumed, so {@code data/guest} does not grow for the life of the
 * domain (no other agent and not the host ever remove them). A reply is stale when its request
 * no longer exists under {@code data/host}; it is removed once it has been seen stale for the
 * grace period. "Seen" times live in memory: a restarted agent starts the grace period again.
 */
final class StaleReplySweeper {

    private static final Logger LOG = LoggerFactory.getLogger(StaleReplySweeper.class);

    private final Duration grace;
    private final Map<String, Instant> firstSeenStale = new HashMap<>();

    /**
     * @param grace how long a reply without a request is kept
     */
    StaleReplySweeper(Duration grace) {
        this.grace = grace;
    }

    /**
     * One sweep.
     *
     * @param xs  the connection
     * @param now the current time (from the daemon's clock)
     * @return the number of replies removed
     * @throws XenStoreException when listing fails or the connection is lost; a refused removal
     *                           of one reply is logged and retried at the next sweep
     */
    int sweep(XenStoreClient xs, Instant now) throws XenStoreException {
        List<String> replies = xs.directory(RequestProcessor.GUEST_DIR);
        Set<String> requests = new HashSet<>(xs.directory(RequestProcessor.HOST_DIR));
        firstSeenStale.keySet().retainAll(new HashSet<>(replies));
        int removed = 0;
        int refused = 0;
        for (String id : replies) {
            if (requests.contains(id)) {
                firstSeenStale.remove(id);
                continue;
            }
            Instant seen = firstSeenStale.putIfAbsent(id, now);
            if (seen != null && !now.isBefore(seen.plus(grace))) {
                if (remove(xs, id)) {
                    firstSeenStale.remove(id);
                    removed++;
                } else {
                    refused++;
                }
            }
        }
        if (removed > 0) {
            LOG.info("removed {} stale replies from {}", removed, RequestProcessor.GUEST_DIR);
        }
        if (refused > 0) {
            LOG.warn("could not remove {} stale replies from {}; retrying at the next sweep", refused,
                    RequestProcessor.GUEST_DIR);
        }
        return removed;
    }

    /** @return true when removed; false when XenStore refused (logged; kept for the next sweep) */
    private static boolean remove(XenStoreClient xs, String id) throws XenStoreException {
        try {
            xs.rm(RequestProcessor.GUEST_DIR + "/" + id);
            return true;
        } catch (XenStoreException e) {
            if (e.isConnectionLost()) {
                throw e;
            }
            LOG.debug("cannot remove stale reply {}: {}", id, e.getMessage());
            return false;
        }
    }

    /** @return how many stale replies are waiting for their grace period to end */
    int tracked() {
        return firstSeenStale.size();
    }
}
