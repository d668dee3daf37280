/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.testkit.TestHostFacts;
import org.novaagent.xenstore.XenStoreClient;
import org.novaagent.xenstore.XenStoreException;
import org.novaagent.xenstore.sim.EmbeddedXenStore;

/** The connection is chosen by the host facts: Windows transports on Windows, the xenbus search elsewhere. */
class XenStoreFactoryTests {

    @TempDir
    Path root;

    @Test
    void windowsFactsTryTheWindowsTransports() {
        XenStoreException e = assertThrows(XenStoreException.class,
                () -> XenStoreFactory.forHost(TestHostFacts.windows(root), Optional.empty()).open());
        assertTrue(e.getMessage().startsWith("no XenStore connection; tried: xencontrol.dll"), e.getMessage());
        assertTrue(e.getMessage().contains("xenstore_client.exe (missing)"), e.getMessage());
    }

    @Test
    void linuxFactsSearchTheXenbusPaths() {
        XenStoreException e = assertThrows(XenStoreException.class,
                () -> XenStoreFactory.forHost(TestHostFacts.debian(root), Optional.of(root.resolve("no-socket"))).open());
        assertTrue(e.getMessage().contains("no-socket (missing)"), e.getMessage());
    }

    @Test
    void anExplicitPathWinsOnWindowsToo() throws Exception {
        try (EmbeddedXenStore store = EmbeddedXenStore.start(root.resolve("xs.sock"));
             XenStoreClient c = XenStoreFactory.forHost(TestHostFacts.windows(root), Optional.of(store.socketPath())).open()) {
            c.write("data/guest/x", "1");
            assertEquals(Optional.of("1"), c.read("data/guest/x"));
        }
    }
}
