/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.internal;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the tests that script a {@link RawPeer}: before each test a peer listens on a socket in
 * a temporary directory and a {@link WireXenStoreClient} connects to it; both close afterwards.
 */
abstract class RawPeerFixture {

    @TempDir
    Path dir;
    RawPeer peer;
    WireXenStoreClient client;

    @BeforeEach
    void connect() throws Exception {
        peer = new RawPeer(dir.resolve("s"));
        client = new WireXenStoreClient(SocketTransport.connect(dir.resolve("s"), false));
        peer.accept();
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        peer.close();
    }
}
