/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.xenstore.nativeapi.FakeXenControl;
import org.novaagent.xenstore.nativeapi.XenControlLibrary;

/** The Windows transport order: xencontrol.dll first, xenstore_client.exe next, every failure named. */
class WindowsXenStoreConnectorTests {

    @TempDir
    Path dir;

    private final FakeXenControl fake = FakeXenControl.load();

    @AfterEach
    void reset() {
        fake.fake_reset();
    }

    @Test
    void productionOrderIsXenControlThenTheClientExes() {
        List<String> names = WindowsXenStoreConnector.defaultTransports().stream()
                .map(WindowsXenStoreConnector.Transport::name).toList();
        assertEquals(List.of("xencontrol.dll", "C:\\Program Files\\Citrix\\XenTools\\xenstore_client.exe",
                "C:\\Program Files (x86)\\Citrix\\XenTools\\xenstore_client.exe"), names);
    }

    @Test
    void onThisLinuxMachineNothingWindowsIsFoundAndEveryAttemptIsNamed() {
        XenStoreException e = assertThrows(XenStoreException.class, WindowsXenStoreConnector::open);
        assertTrue(e.isConnectionLost());
        assertTrue(e.getMessage().startsWith("no XenStore connection; tried: xencontrol.dll (cannot load: "), e.getMessage());
        assertTrue(e.getMessage().contains("Citrix\\XenTools\\xenstore_client.exe (missing)"), e.getMessage());
    }

    @Test
    void xenControlRefusingToOpenFallsBackToThePollingClient() throws Exception {
        fake.fake_set_open_error(2); // ERROR_FILE_NOT_FOUND: no xeniface device
        Path exe = Files.createFile(dir.resolve("xenstore_client.exe"));
        String lib = FakeXenControl.library().toString();
        try (XenStoreClient c = WindowsXenStoreConnector.open(List.of(
                WindowsXenStoreConnector.xenControl(() -> XenControlLibrary.load(lib, lib)),
                WindowsXenStoreConnector.clientExe(exe, Duration.ofSeconds(1))))) {
            assertInstanceOf(WindowsXenStoreClient.class, c);
        }
        XenStoreException e = assertThrows(XenStoreException.class, () -> WindowsXenStoreConnector.open(List.of(
                WindowsXenStoreConnector.xenControl(() -> XenControlLibrary.load(lib, lib)))));
        assertTrue(e.getMessage().contains("XcOpen failed: Win32 error 2"), e.getMessage());
        assertEquals(0, fake.fake_open_contexts());
    }
}
