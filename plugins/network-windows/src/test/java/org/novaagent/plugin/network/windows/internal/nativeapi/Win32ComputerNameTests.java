/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.windows.internal.nativeapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real jnr-ffi binding of {@code SetComputerNameExW} against the gcc-built stand-in: the call
 * arrives as Windows would receive it (ComputerNamePhysicalDnsHostname = 5, a NUL-terminated
 * UTF-16LE string), a refusal comes back as the Win32 error number, a library without the function
 * is a clean failure, and names the caller should never pass are refused before any native call.
 */
class Win32ComputerNameTests {

    private final FakeKernel32Names fake = FakeKernel32Names.load();
    private final Win32ComputerName names = Win32ComputerName.over(FakeKernel32Names.library().toString());

    @BeforeEach
    void reset() {
        fake.fake_names_reset();
    }

    @Test
    void theNameArrivesAsUtf16WithTheDnsHostnameFormat() throws Exception {
        names.set("web-01");
        assertEquals("web-01", fake.fake_names_last());
        assertEquals(5, fake.fake_names_last_type());
        names.set("RESCUE-payments");
        assertEquals("RESCUE-payments", fake.fake_names_last());
        assertEquals(2, fake.fake_names_calls());
    }

    @Test
    void aRefusalCarriesTheWin32Error() {
        ComputerNameException e = assertThrows(ComputerNameException.class, () -> names.set("x".repeat(64)));
        assertEquals("SetComputerNameExW failed: Win32 error 1210", e.getMessage());
        assertEquals(1, fake.fake_names_calls());
        assertEquals("", fake.fake_names_last());
    }

    @Test
    void namesTheCallerNeverPassesStopBeforeTheNativeCall() {
        for (String bad : new String[] {"", "two words", "caf\u00e9", "a\u0000b"}) {
            assertThrows(ComputerNameException.class, () -> names.set(bad), bad);
        }
        assertEquals(0, fake.fake_names_calls());
    }

    @Test
    void aLibraryWithoutTheFunctionIsACleanFailure() {
        ComputerNameException e = assertThrows(ComputerNameException.class,
                () -> Win32ComputerName.over("no-such-kernel32-stand-in").set("web01"));
        assertEquals("kernel32's SetComputerNameExW could not be loaded (UnsatisfiedLinkError)", e.getMessage());
    }
}
