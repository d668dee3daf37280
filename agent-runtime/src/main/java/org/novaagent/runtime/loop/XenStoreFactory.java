/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import org.novaagent.xenstore.XenStoreClient;
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
}
