/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/** A byte pipe to the XenStore daemon: a Unix socket or the guest's xenbus device. */
public interface XenbusTransport extends Closeable {

    /** @return the channel the reader thread frames replies and events from */
    ReadableByteChannel input();

    /** Writes one whole encoded message. Called from one writer thread only. */
    void write(ByteBuffer message) throws IOException;

    /**
     * @return true when only one request may be outstanding and a reply is matched to it even if
     *         its req_id differs (the guest xenbus device, see README)
     */
    boolean serialRequests();

    /** @return true for a dom0-style socket, false for the guest device */
    boolean isSocket();

    /** @return where this transport is connected, for messages */
    String description();
}
