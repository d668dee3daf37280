/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.novaagent.xenstore.WatchEvent;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreException;

/**
 * A connection that lists directories the way upstream oxenstored 4.17 does (children sorted by
 * name, so arrival order is lost), and that can refuse listings of {@code data/host} with
 * {@code E2BIG} like a daemon without DIRECTORY_PART. Everything else goes to the wrapped client.
 */
final class SortingXenStoreClient implements XenStoreClient {

    private final XenStoreClient delegate;
    private final BooleanSupplier refuseHostListing;

    /**
     * @param delegate          the real (fake) connection
     * @param refuseHostListing when true, a listing of {@code data/host} is answered E2BIG
     */
    SortingXenStoreClient(XenStoreClient delegate, BooleanSupplier refuseHostListing) {
        this.delegate = delegate;
        this.refuseHostListing = refuseHostListing;
    }

    @Override
    public String domainPath() throws XenStoreException {
        return delegate.domainPath();
    }

    @Override
    public Optional<byte[]> readBytes(String path) throws XenStoreException {
        return delegate.readBytes(path);
    }

    @Override
    public Optional<String> read(String path) throws XenStoreException {
        return delegate.read(path);
    }

    @Override
    public void write(String path, String value) throws XenStoreException {
        delegate.write(path, value);
    }

    @Override
    public List<String> directory(String path) throws XenStoreException {
        if (RequestProcessor.HOST_DIR.equals(path) && refuseHostListing.getAsBoolean()) {
            throw XenStoreException.errorReply("directory", path, "E2BIG");
        }
        return delegate.directory(path).stream().sorted().toList();
    }

    @Override
    public void rm(String path) throws XenStoreException {
        delegate.rm(path);
    }

    @Override
    public void mkdir(String path) throws XenStoreException {
        delegate.mkdir(path);
    }

    @Override
    public void watch(String path, String token) throws XenStoreException {
        delegate.watch(path, token);
    }

    @Override
    public void unwatch(String path, String token) throws XenStoreException {
        delegate.unwatch(path, token);
    }

    @Override
    public Optional<WatchEvent> awaitEvent(Duration timeout) throws XenStoreException, InterruptedException {
        return delegate.awaitEvent(timeout);
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
