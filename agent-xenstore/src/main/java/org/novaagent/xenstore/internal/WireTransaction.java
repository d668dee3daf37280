/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.novaagent.xenstore.XenStoreException;
import org.novaagent.xenstore.XenStoreTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A transaction on the wire client: the same operations, tagged with the transaction id. */
final class WireTransaction implements XenStoreTransaction {

    private static final Logger LOG = LoggerFactory.getLogger(WireTransaction.class);

    private final WireXenStoreClient client;
    private final int id;
    private boolean ended;

    WireTransaction(WireXenStoreClient client, int id) {
        this.client = client;
        this.id = id;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public Optional<String> read(String path) throws XenStoreException {
        return client.readBytes(id, path).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    @Override
    public void write(String path, String value) throws XenStoreException {
        client.write(id, path, value);
    }

    @Override
    public List<String> directory(String path) throws XenStoreException {
        return client.directory(id, path);
    }

    @Override
    public void rm(String path) throws XenStoreException {
        client.rm(id, path);
    }

    @Override
    public void mkdir(String path) throws XenStoreException {
        client.mkdir(id, path);
    }

    @Override
    public synchronized boolean commit() throws XenStoreException {
        if (ended) {
            throw new XenStoreException("transaction " + id + " already ended", "EINVAL", false, null);
        }
        ended = true;
        return client.endTransaction(id, true);
    }

    @Override
    public synchronized void close() {
        if (ended) {
            return;
        }
        ended = true;
        try {
            client.endTransaction(id, false);
        } catch (XenStoreException e) {
            LOG.debug("aborting transaction {} failed: {}", id, e.getMessage());
        }
    }
}
