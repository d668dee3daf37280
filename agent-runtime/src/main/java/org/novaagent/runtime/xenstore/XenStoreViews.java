/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.xenstore;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.novaagent.api.XenStoreView;
import org.novaagent.xenstore.XenStoreClient;

/**
 * Adapts a {@link XenStoreClient} to the read-only {@link XenStoreView} handed to handlers, so
 * handlers can read {@code vm-data/...} but never write to XenStore.
 */
public final class XenStoreViews {

    private XenStoreViews() {
    }

    /**
     * @param client the connection to read through; calls are forwarded as they come
     * @return a read-only view of it
     */
    public static XenStoreView of(XenStoreClient client) {
        Objects.requireNonNull(client, "client");
        return new ReadOnlyView(client);
    }

    /** Forwards reads and directory listings only. */
    private static final class ReadOnlyView implements XenStoreView {
        private final XenStoreClient client;

        ReadOnlyView(XenStoreClient client) {
            this.client = client;
        }

        @Override
        public Optional<String> read(String path) throws IOException {
            return client.read(path);
        }

        @Override
        public List<String> list(String path) throws IOException {
            return client.directory(path);
        }

        @Override
        public String toString() {
            return "XenStoreView[read-only]";
        }
    }
}
