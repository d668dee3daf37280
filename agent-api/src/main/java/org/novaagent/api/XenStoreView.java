/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Read-only access to the guest's XenStore for handlers (for example {@code vm-data/networking}).
 * Relative paths resolve against the domain's home ({@code /local/domain/<domid>/}). Only the
 * runtime writes to XenStore. Safe to call from the handler thread.
 */
public interface XenStoreView {

    /**
     * Reads one key.
     *
     * @param path a relative or absolute XenStore path
     * @return the value (decoded as UTF-8), or empty when the key does not exist
     * @throws IOException when XenStore cannot be reached or answers with another error
     */
    Optional<String> read(String path) throws IOException;

    /**
     * Lists the children of a key.
     *
     * @param path a relative or absolute XenStore path
     * @return the child names in XenStore order; empty when the key does not exist
     * @throws IOException when XenStore cannot be reached or answers with another error
     */
    List<String> list(String path) throws IOException;
}
