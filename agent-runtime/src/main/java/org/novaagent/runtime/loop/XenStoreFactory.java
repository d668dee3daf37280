/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import java.nio.file.Path;
import java.util.Optional;
import org.novaagent.api.HostFacts;
import org.novaagent.xenstore.WindowsXenStoreConnector;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreConnector;
import org.novaagent.xenstore.XenStoreException;

/**
 * Opens a fresh XenStore connection, at start-up and after each connection loss. The seam through
 * which tests give the daemon an embedded XenStore or an in-memory fake.
 */
@FunctionalInterface
public interface XenStoreFactory {

    /**
     * @return a new open connection
     * @throws XenStoreException when XenStore cannot be reached (the daemon retries with backoff)
     */
    XenStoreClient open() throws XenStoreException;

    /**
     * The production factory: {@code --xenstore PATH} when given, else the stock clients' search
     * order ({@code XENSTORED_PATH}, {@code XENSTORED_RUNDIR/socket}, the default socket, the
     * xenbus devices).
     *
     * @param override the {@code --xenstore} path, if any
     * @return a factory opening a new connection on each call
     */
    static XenStoreFactory searching(Optional<Path> override) {
        return () -> XenStoreConnector.open(override);
    }

    /**
     * The factory for the target: {@code --xenstore PATH} when given; else, when the host facts
     * say Windows, the Windows transports ({@code xencontrol.dll}, then {@code xenstore_client.exe});
     * else {@link #searching(Optional)}.
     *
     * @param facts    the target's facts
     * @param override the {@code --xenstore} path, if any
     * @return a factory opening a new connection on each call
     */
    static XenStoreFactory forHost(HostFacts facts, Optional<Path> override) {
        if (override.isEmpty() && facts.isWindows()) {
            return WindowsXenStoreConnector::open;
        }
        return searching(override);
    }
}
