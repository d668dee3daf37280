/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.trust.nativeapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real jnr-ffi binding of {@code SetNamedSecurityInfoW} against the gcc-built stand-in, which
 * decodes the object name as UTF-16LE and the DACL as winnt.h lays it out: a protected DACL of two
 * full-control entries (SYSTEM, Administrators) inherited by files and folders, no owner, group or
 * SACL touched; a Win32 error is named; a malformed SID never reaches the call.
 */
class ProtectedDaclTests {

    private FakeSecurity fake;
    private ProtectedDacl dacl;

    @BeforeEach
    void load() {
        fake = FakeSecurity.load();
        fake.fake_sec_reset();
        dacl = ProtectedDacl.load(FakeSecurity.library().toString());
    }

    @AfterEach
    void noMisuse() {
        assertEquals("", fake.fake_sec_violations());
        fake.fake_sec_reset();
    }

    @Test
    void setsAProtectedDaclOfSystemAndAdministratorsOnly() throws Exception {
        dacl.set("C:\\ProgramData\\nova-agent", List.of("S-1-5-18", "S-1-5-32-544"));
        assertEquals("path=C:\\ProgramData\\nova-agent type=1 info=0x80000004 owner=null group=null sacl=null"
                + " acl=52/2 allow S-1-5-18 flags=0x3 mask=0x1f01ff allow S-1-5-32-544 flags=0x3 mask=0x1f01ff",
                fake.fake_sec_last());
        assertEquals(1, fake.fake_sec_calls());
    }

    @Test
    void aNonAsciiPathArrivesAsUtf16() throws Exception {
        dacl.set("D:\\Daten\\Programmdaten \u00e4\u20ac\ud83d\ude00\\nova-agent", List.of("S-1-5-18"));
        assertEquals("path=D:\\Daten\\Programmdaten \u00e4\u20ac\ud83d\ude00\\nova-agent type=1 info=0x80000004"
                + " owner=null group=null sacl=null acl=28/1 allow S-1-5-18 flags=0x3 mask=0x1f01ff", fake.fake_sec_last());
    }

    @Test
    void aWin32ErrorIsNamed() {
        fake.fake_sec_fail(5);
        IOException e = assertThrows(IOException.class, () -> dacl.set("C:\\x", List.of("S-1-5-18")));
        assertEquals("SetNamedSecurityInfoW(C:\\x): Win32 error 5", e.getMessage());
    }

    @Test
    void malformedSidsAndAnEmptyListNeverReachTheCall() {
        assertThrows(IllegalArgumentException.class, () -> dacl.set("C:\\x", List.of("S-1-5-x")));
        assertThrows(IllegalArgumentException.class, () -> dacl.set("C:\\x", List.of()));
        assertEquals(0, fake.fake_sec_calls());
    }
}
