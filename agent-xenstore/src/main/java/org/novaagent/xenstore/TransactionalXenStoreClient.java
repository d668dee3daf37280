/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore;

/**
 * A {@link XenStoreClient} that also offers XenStore transactions (the xenbus wire client; the
 * Windows command-line transport has none).
 */
public interface TransactionalXenStoreClient extends XenStoreClient {

    /**
     * Starts a transaction (TRANSACTION_START). Operations on the returned object carry its id;
     * nothing is visible to others until {@link XenStoreTransaction#commit()}.
     *
     * @return an open transaction; close it (or commit) on every path
     */
    XenStoreTransaction beginTransaction() throws XenStoreException;
}
