/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore;

import java.util.List;
import java.util.Optional;

/**
 * An open XenStore transaction. Reads see a consistent snapshot plus this transaction's own
 * writes. Use try-with-resources: {@link #close()} aborts unless {@link #commit()} was called.
 */
public interface XenStoreTransaction extends AutoCloseable {

    /** @return the transaction id the daemon assigned */
    int id();

    /** @return the value, or empty when the key does not exist */
    Optional<String> read(String path) throws XenStoreException;

    /** Writes a value inside the transaction. */
    void write(String path, String value) throws XenStoreException;

    /** @return child names, or an empty list when the key does not exist */
    List<String> directory(String path) throws XenStoreException;

    /** Removes a key and its children inside the transaction; a missing key is not an error. */
    void rm(String path) throws XenStoreException;

    /** Creates a key with an empty value inside the transaction. */
    void mkdir(String path) throws XenStoreException;

    /**
     * Commits (TRANSACTION_END "T").
     *
     * @return true when committed, false when the daemon answered EAGAIN (a conflicting change:
     *         start a new transaction and retry)
     */
    boolean commit() throws XenStoreException;

    /** Aborts (TRANSACTION_END "F") unless already committed or aborted; never throws. */
    @Override
    void close();
}
