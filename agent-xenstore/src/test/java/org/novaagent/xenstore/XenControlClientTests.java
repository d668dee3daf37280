/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.novaagent.xenstore.nativeapi.FakeXenControl;
import org.novaagent.xenstore.nativeapi.XenControlLibrary;

/**
 * The xencontrol transport through its real jnr-ffi bindings ({@code XenControl}, {@code WinEvents})
 * against the C stand-in with the xencontrol.h signatures: strings, buffer growth on
 * ERROR_MORE_DATA, Win32 errors, watches signalled by the fake "driver", and clean release of
 * every event, watch and context. The fake records any misuse; each test ends with none.
 */
class XenControlClientTests {

    private final FakeXenControl fake = FakeXenControl.load();
    private XenStoreClient client;

    @BeforeEach
    void open() throws Exception {
        fake.fake_reset();
        String lib = FakeXenControl.library().toString();
        client = WindowsXenStoreConnector.open(List.of(WindowsXenStoreConnector.xenControl(() -> XenControlLibrary.load(lib, lib))));
    }

    @AfterEach
    void noMisuse() {
        client.close();
        assertEquals(0, fake.fake_open_contexts(), "XcClose called");
        assertEquals(0, fake.fake_open_events(), "every event closed");
        assertEquals(0, fake.fake_active_watches(), "every watch removed");
        assertEquals("", fake.fake_violations());
    }

    @Test
    void readWriteDirectoryRemove() throws Exception {
        client.write("data/guest/1", "{\"returncode\":\"0\",\"message\":\"héllo\"}");
        assertEquals("{\"returncode\":\"0\",\"message\":\"héllo\"}", fake.fake_value("data/guest/1"));
        assertEquals(Optional.of("{\"returncode\":\"0\",\"message\":\"héllo\"}"), client.read("data/guest/1"));
        fake.fake_host_write("data/host/a", "x");
        fake.fake_host_write("data/host/b/deep", "y");
        assertEquals(List.of("a", "b"), client.directory("data/host"));
        assertEquals(Optional.empty(), client.read("data/host/missing"));
        assertEquals(List.of(), client.directory("nothing/here"));
        client.rm("data/host/b");
        client.rm("data/host/b"); // missing: not an error
        assertEquals(List.of("a"), client.directory("data/host"));
    }

    @Test
    void valuesLongerThanTheFirstBufferAreReadWhole() throws Exception {
        String big = "v".repeat(10_000);
        fake.fake_host_write("vm-data/big", big);
        assertEquals(Optional.of(big), client.read("vm-data/big"));
        for (int i = 0; i < 300; i++) {
            fake.fake_host_write("data/host/" + "0123456789abcdef0123456789abcdef-" + i, "{}");
        }
        assertEquals(300, client.directory("data/host").size());
    }

    @Test
    void refusedValuesNeverReachTheLibrary() {
        XenStoreException nul = assertThrows(XenStoreException.class, () -> client.write("k", "a\0b"));
        assertEquals("EINVAL", nul.errno());
        assertEquals("E2BIG", assertThrows(XenStoreException.class, () -> client.write("k", "x".repeat(4097))).errno());
        assertEquals(null, fake.fake_value("k"));
    }

    @Test
    void domainPathFromTheDomidKey() throws Exception {
        fake.fake_host_write("domid", "17");
        assertEquals("/local/domain/17", client.domainPath());
    }

    @Test
    void watchFiresOnceWhenAddedThenOnEveryHostWrite() throws Exception {
        client.watch("data/host", "t");
        assertEquals(Optional.of(new WatchEvent("data/host", "t")), client.awaitEvent(Duration.ofSeconds(2)));
        assertEquals(Optional.empty(), client.awaitEvent(Duration.ofMillis(50)));
        CompletableFuture<Optional<WatchEvent>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return client.awaitEvent(Duration.ofSeconds(5));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        fake.fake_host_write("data/host/req-1", "{\"name\":\"version\",\"value\":\"\"}");
        assertEquals(Optional.of(new WatchEvent("data/host", "t")), waiting.get(5, TimeUnit.SECONDS));
        fake.fake_host_write("data/other", "x"); // not under the watch
        assertEquals(Optional.empty(), client.awaitEvent(Duration.ofMillis(100)));
        client.unwatch("data/host", "t");
        assertEquals(0, fake.fake_active_watches());
        assertEquals("ENOENT", assertThrows(XenStoreException.class, () -> client.unwatch("data/host", "t")).errno());
    }

    @Test
    void anInterruptStopsAWait() throws Exception {
        client.watch("data/host", "t");
        client.awaitEvent(Duration.ofSeconds(1));
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> client.awaitEvent(Duration.ofSeconds(30)));
    }

    @Test
    void closeReleasesWatchesAndLaterCallsFail() throws Exception {
        client.watch("data/host", "t");
        client.watch("control", "c");
        assertEquals(2, fake.fake_active_watches());
        client.close();
        assertEquals(0, fake.fake_active_watches());
        assertTrue(assertThrows(XenStoreException.class, () -> client.read("x")).isConnectionLost());
    }
}
