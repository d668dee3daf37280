/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stock search order and the error that lists what was tried. */
class XenStoreConnectorTests {

    @TempDir
    Path dir;

    @Test
    void searchOrderFollowsTheStockClients() {
        assertEquals(List.of(Path.of("/x")), XenStoreConnector.candidates(Optional.of(Path.of("/x")), Map.of("XENSTORED_PATH", "/y")));
        assertEquals(List.of(Path.of("/y")), XenStoreConnector.candidates(Optional.empty(), Map.of("XENSTORED_PATH", "/y", "XENSTORED_RUNDIR", "/r")));
        assertEquals(List.of(Path.of("/r/socket"), Path.of("/var/run/xenstored/socket"), Path.of("/dev/xen/xenbus"), Path.of("/proc/xen/xenbus"), Path.of("/dev/xen/xenstore")),
                XenStoreConnector.candidates(Optional.empty(), Map.of("XENSTORED_RUNDIR", "/r")));
        assertEquals(List.of(Path.of("/var/run/xenstored/socket"), Path.of("/dev/xen/xenbus"), Path.of("/proc/xen/xenbus"), Path.of("/dev/xen/xenstore")),
                XenStoreConnector.candidates(Optional.empty(), Map.of()));
    }

    @Test
    void errorListsEveryPathTried() {
        Path missing = dir.resolve("nothing-here");
        XenStoreException e = assertThrows(XenStoreException.class,
                () -> XenStoreConnector.open(Optional.of(missing), Map.of()));
        assertTrue(e.isConnectionLost());
        assertTrue(e.getMessage().contains(missing + " (missing)"), e.getMessage());
    }

    @Test
    void aPlainFileIsNotASocketAndFailsClearly() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "");
        XenStoreException e = assertThrows(XenStoreException.class,
                () -> XenStoreConnector.open(Optional.empty(), Map.of("XENSTORED_PATH", file.toString())).read("x"));
        assertTrue(e.isConnectionLost(), e.getMessage());
    }

    @Test
    void findsTheSocketThroughXenstoredRundir() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(dir.resolve("socket")));
            try (XenStoreClient c = XenStoreConnector.open(Optional.empty(), Map.of("XENSTORED_RUNDIR", dir.toString()))) {
                assertTrue(c.isOpen());
            }
        }
    }
}
