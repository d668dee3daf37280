/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A connection to XenStore. Relative paths resolve against the connection's domain path
 * ({@link #domainPath()}). Methods are thread-safe: requests from several threads are
 * multiplexed on one connection and matched to replies by request id.
 */
public interface XenStoreClient extends AutoCloseable {

    /** @return the domain home, e.g. {@code /local/domain/0}, from GET_DOMAIN_PATH */
    String domainPath() throws XenStoreException;

    /** @return the value as raw bytes, or empty when the key does not exist (ENOENT) */
    Optional<byte[]> readBytes(String path) throws XenStoreException;

    /** @return the value decoded as UTF-8, or empty when the key does not exist (ENOENT) */
    Optional<String> read(String path) throws XenStoreException;

    /** Writes a value (creating parents). */
    void write(String path, String value) throws XenStoreException;

    /** @return child names in XenStore order, or an empty list when the key does not exist */
    List<String> directory(String path) throws XenStoreException;

    /** Removes a key and its children; a missing key is not an error. */
    void rm(String path) throws XenStoreException;

    /** Creates a key with an empty value if it does not exist. */
    void mkdir(String path) throws XenStoreException;

    /** Registers a watch; events for {@code path} and its descendants are queued for {@link #awaitEvent}. */
    void watch(String path, String token) throws XenStoreException;

    /** Removes a watch. */
    void unwatch(String path, String token) throws XenStoreException;

    /**
     * Waits for the next watch event.
     *
     * @return the event, or empty when the timeout elapsed
     * @throws XenStoreException when the connection is lost (the caller should reconnect)
     */
    Optional<WatchEvent> awaitEvent(Duration timeout) throws XenStoreException, InterruptedException;

    /** @return true while the underlying connection is usable */
    boolean isOpen();

    /** Closes the connection; pending calls fail with a {@link XenStoreException}. */
    @Override
    void close();
}
