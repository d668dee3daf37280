/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.xenstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreConnector;
import org.novaagent.xenstore.XenStoreException;

/** A killed oxenstored: pending waits and later calls fail as connection lost; a new client works after restart. */
class OxenstoredRestartTests {

    @TempDir
    Path dir;

    @Test
    void killedDaemonIsReportedAsConnectionLostAndReconnectWorks() throws Exception {
        try (Oxenstored daemon = Oxenstored.start(dir)) {
            XenStoreClient c = XenStoreConnector.open(Optional.of(daemon.socketPath()));
            c.watch("data/host", "t");
            assertTrue(c.awaitEvent(Duration.ofSeconds(5)).isPresent());
            long oldPid = daemon.pid();
            daemon.restart();
            assertTrue(daemon.pid() != oldPid);

            XenStoreException lost = assertThrows(XenStoreException.class, () -> c.awaitEvent(Duration.ofSeconds(5)));
            assertTrue(lost.isConnectionLost());
            assertFalse(c.isOpen());
            assertTrue(assertThrows(XenStoreException.class, () -> c.read("data/host")).isConnectionLost());
            c.close();

            try (XenStoreClient again = XenStoreConnector.open(Optional.of(daemon.socketPath()))) {
                again.write("data/host/after", "1");
                assertEquals(Optional.of("1"), again.read("data/host/after"));
            }
        }
    }
}
