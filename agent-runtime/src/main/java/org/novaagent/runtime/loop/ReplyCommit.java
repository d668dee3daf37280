/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import java.util.Optional;
import org.novaagent.xenstore.TransactionalXenStoreClient;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreException;
import org.novaagent.xenstore.XenStoreTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a reply and removes its request as one step: in one XenStore transaction when the
 * client offers them (the xenbus wire client), so the host never sees the reply without the
 * removal or the other way round, and a crash before the commit leaves both untouched. The
 * transaction is retried on {@code EAGAIN} (a concurrent change under {@code data/host}, e.g. the
 * host writing its next request). Without transactions (Windows command-line transport, test
 * fakes), or when every attempt conflicts, the reply is written (unless already there) and then
 * the request is removed; the request journal covers the gap between the two.
 */
final class ReplyCommit {

    /** Attempts before falling back to write-then-remove. */
    static final int ATTEMPTS = 16;

    private static final Logger LOG = LoggerFactory.getLogger(ReplyCommit.class);

    private ReplyCommit() {
    }

    /**
     * @param xs      the connection
     * @param request the request key, e.g. {@code data/host/<id>}
     * @param reply   the reply key, e.g. {@code data/guest/<id>}
     * @param json    the reply
     * @param again   true when the reply may already be there (a retry after a lost connection or
     *                a restart): it is read first and only written when missing or different
     * @throws XenStoreException when XenStore refuses or the connection is lost (nothing or all committed)
     */
    static void commit(XenStoreClient xs, String request, String reply, String json, boolean again) throws XenStoreException {
        if (xs instanceof TransactionalXenStoreClient txs) {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                try (XenStoreTransaction tx = txs.beginTransaction()) {
                    if (!again || !json.equals(tx.read(reply).orElse(null))) {
                        tx.write(reply, json);
                    }
                    tx.rm(request);
                    if (tx.commit()) {
                        return;
                    }
                }
                LOG.debug("{}: transaction conflict (EAGAIN), attempt {}", request, attempt);
            }
            LOG.warn("{}: {} transaction conflicts; writing the reply, then removing the request", request, ATTEMPTS);
        }
        Optional<String> existing = again ? xs.read(reply) : Optional.empty();
        if (existing.isEmpty() || !existing.get().equals(json)) {
            xs.write(reply, json);
        }
        xs.rm(request);
    }
}
