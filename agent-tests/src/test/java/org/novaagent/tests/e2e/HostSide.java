/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreException;

/**
 * Raw host-side reads for the end-to-end tests: waits for {@code data/guest/<id>} with a plain
 * XenStore client (for requests written by the stock clients), parses replies and counts the
 * daemon's logged writes of a reply path (to prove that no request is answered twice).
 */
final class HostSide {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HostSide() {
    }

    /**
     * Polls {@code <domain>/data/guest/<id>} every 20 ms.
     *
     * @return the raw reply, or empty after {@code timeoutMs}
     */
    static Optional<String> awaitReply(XenStoreClient xs, String domain, String id, long timeoutMs)
            throws XenStoreException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        do {
            Optional<String> reply = xs.read(domain + "/data/guest/" + id);
            if (reply.isPresent()) {
                return reply;
            }
            Thread.sleep(20);
        } while (System.currentTimeMillis() < deadline);
        return Optional.empty();
    }

    /**
     * Polls until {@code <domain>/data/host/<id>} is gone.
     *
     * @return true when it was removed within {@code timeoutMs}
     */
    static boolean awaitRequestRemoved(XenStoreClient xs, String domain, String id, long timeoutMs)
            throws XenStoreException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        do {
            if (xs.read(domain + "/data/host/" + id).isEmpty()) {
                return true;
            }
            Thread.sleep(20);
        } while (System.currentTimeMillis() < deadline);
        return false;
    }

    /** @return the children of {@code path}, empty when it does not exist */
    static List<String> children(XenStoreClient xs, String path) throws XenStoreException {
        try {
            return xs.directory(path);
        } catch (XenStoreException e) {
            if (e.isConnectionLost()) {
                throw e;
            }
            return List.of();
        }
    }

    /** @return the reply parsed as a JSON object */
    static JsonNode parse(String reply) throws IOException {
        return MAPPER.readTree(reply);
    }

    /**
     * Counts the daemon's access-log lines that write {@code data/guest/<id>} (relative or absolute).
     *
     * @param accessLog oxenstored's access log
     * @param id        the request id
     * @return the number of writes of that reply path that took effect (not those of a
     *         transaction attempt that ended in {@code EAGAIN}; see {@link AccessLog})
     */
    static long replyWrites(Path accessLog, String id) throws IOException {
        return AccessLog.committedReplyWrites(accessLog).stream().filter(id::equals).count();
    }
}
