/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore;

import java.io.IOException;

/**
 * A XenStore failure: an error reply (with its errno name, e.g. {@code EACCES}) or a broken
 * connection ({@link #isConnectionLost()}).
 */
public class XenStoreException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String errno;
    private final boolean connectionLost;

    public XenStoreException(String message, String errno, boolean connectionLost, Throwable cause) {
        super(message, cause);
        this.errno = errno;
        this.connectionLost = connectionLost;
    }

    /** An error reply from the daemon. */
    public static XenStoreException errorReply(String op, String path, String errno) {
        return new XenStoreException(op + " " + path + ": " + errno, errno, false, null);
    }

    /** The connection is gone. */
    public static XenStoreException connectionLost(String message, Throwable cause) {
        return new XenStoreException(message, "", true, cause);
    }

    /** @return the errno name from an error reply, or the empty string */
    public String errno() {
        return errno;
    }

    /** @return true when the connection broke (reconnect and retry) */
    public boolean isConnectionLost() {
        return connectionLost;
    }
}
