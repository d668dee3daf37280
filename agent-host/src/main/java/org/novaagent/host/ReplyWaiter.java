/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host;

import java.time.Duration;
import java.util.Optional;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for {@code data/guest/<id>}: a XenStore watch on {@code data/guest} wakes it up early, and
 * it re-reads at least every 0.5 s like nova's dom0 plugin, so a lost watch only costs latency.
 */
final class ReplyWaiter {

    /** nova's poll interval. */
    static final Duration POLL = Duration.ofMillis(500);

    private static final Logger LOG = LoggerFactory.getLogger(ReplyWaiter.class);
    private static final String TOKEN = "novaagent-host-reply";

    private final XenStoreClient client;
    private final String guestDir;
    private boolean watching;
    private boolean watchFailed;

    ReplyWaiter(XenStoreClient client, String guestDir) {
        this.client = client;
        this.guestDir = guestDir;
    }

    /** Registers the watch once; a failure only disables it (polling still works). */
    void ensureWatch() {
        if (watching || watchFailed) {
            return;
        }
        try {
            client.watch(guestDir, TOKEN);
            watching = true;
        } catch (XenStoreException e) {
            watchFailed = true;
            LOG.debug("watch on {} failed ({}); polling only", guestDir, e.getMessage());
        }
    }

    /**
     * @param id      request id
     * @param timeout how long to wait
     * @return the raw reply, or empty on timeout
     */
    Optional<String> await(String id, Duration timeout) throws XenStoreException, InterruptedException {
        String path = guestDir + "/" + id;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> value = client.read(path);
            if (value.isPresent()) {
                return value;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return Optional.empty();
            }
            Duration slice = Duration.ofNanos(Math.min(remaining, POLL.toNanos()));
            if (watching) {
                client.awaitEvent(slice);
            } else {
                Thread.sleep(Math.max(1, slice.toMillis()));
            }
        }
    }
}
