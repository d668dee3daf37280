/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.host.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreConnector;
import org.novaagent.xenstore.XenStoreException;
import org.novaagent.xenstore.sim.EmbeddedXenStore;

/** The XenStore the demo runs on: the embedded server by default, a fake one in unit tests. */
public interface DemoXenStore extends AutoCloseable {

    /** @return the Unix socket the agent connects to */
    Path socket();

    /**
     * @return a new connection for the host side
     * @throws XenStoreException when connecting fails
     */
    XenStoreClient connect() throws XenStoreException;

    /** Stops the store. */
    @Override
    void close();

    /** Starts a store on a socket path. */
    @FunctionalInterface
    interface Factory {
        /**
         * @param socket where to listen
         * @return the running store
         * @throws IOException when it cannot start
         */
        DemoXenStore start(Path socket) throws IOException;
    }

    /** @return a factory for {@link EmbeddedXenStore} (domain 0, pure Java, no root needed) */
    static Factory embedded() {
        return socket -> {
            EmbeddedXenStore store = EmbeddedXenStore.start(socket);
            return new DemoXenStore() {
                @Override
                public Path socket() {
                    return store.socketPath();
                }

                @Override
                public XenStoreClient connect() throws XenStoreException {
                    return XenStoreConnector.open(Optional.of(store.socketPath()));
                }

                @Override
                public void close() {
                    store.close();
                }
            };
        };
    }
}
