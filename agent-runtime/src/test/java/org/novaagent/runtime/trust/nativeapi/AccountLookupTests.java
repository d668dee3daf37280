/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.trust.nativeapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real jnr-ffi binding of {@code LookupAccountSidW} against the gcc-built stand-in with the
 * winnt.h SID layout and the documented two-call buffer protocol: names as the JDK's Windows
 * provider forms them ({@code domain\name}, {@code \Everyone}), localised UTF-16 names of a German
 * Windows, unmapped SIDs, and the SID bytes themselves.
 */
class AccountLookupTests {

    private FakeAccounts fake;
    private AccountLookup lookup;

    @BeforeEach
    void load() {
        fake = FakeAccounts.load();
        fake.fake_acct_reset();
        lookup = AccountLookup.load(FakeAccounts.library().toString());
    }

    @AfterEach
    void noMisuse() {
        assertEquals("", fake.fake_acct_violations());
    }

    @Test
    void namesTheWellKnownAccountsAsAnEnglishWindowsDoes() throws Exception {
        assertEquals("NT AUTHORITY\\SYSTEM", lookup.nameOf("S-1-5-18"));
        assertEquals("BUILTIN\\Administrators", lookup.nameOf("S-1-5-32-544"));
        assertEquals("BUILTIN\\Users", lookup.nameOf("S-1-5-32-545"));
        assertEquals("NT AUTHORITY\\Authenticated Users", lookup.nameOf("S-1-5-11"));
        assertEquals("\\Everyone", lookup.nameOf("S-1-1-0"), "empty domain, as the JDK forms it");
        assertEquals("NT SERVICE\\TrustedInstaller",
                lookup.nameOf("S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464"));
        assertEquals(12, fake.fake_acct_calls(), "two calls each: sizes, then strings");
    }

    @Test
    void namesThemInTheDisplayLanguageOfAGermanWindows() throws Exception {
        fake.fake_acct_german(1);
        assertEquals("NT-AUTORIT\u00c4T\\SYSTEM", lookup.nameOf("S-1-5-18"));
        assertEquals("VORDEFINIERT\\Administratoren", lookup.nameOf("S-1-5-32-544"));
        assertEquals("VORDEFINIERT\\G\u00e4ste", lookup.nameOf("S-1-5-32-546"));
        assertEquals("\\Jeder", lookup.nameOf("S-1-1-0"));
        assertEquals("NT-AUTORIT\u00c4T\\Authentifizierte Benutzer", lookup.nameOf("S-1-5-11"));
    }

    @Test
    void theBinarySidIsTheWinntLayout() throws Exception {
        assertArrayEquals(new byte[] {1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 0x20, 2, 0, 0}, SidBytes.of("S-1-5-32-544"));
        lookup.nameOf("S-1-5-21-1004336348-1177238915-682003330-500");
        assertEquals("S-1-5-21-1004336348-1177238915-682003330-500", fake.fake_acct_last_sid(),
                "sub-authorities above 2^31 survive as unsigned DWORDs");
    }

    @Test
    void aSidWithoutAnAccountIsNamedAsAFailure() {
        IOException e = assertThrows(IOException.class, () -> lookup.nameOf("S-1-5-21-1-2-3-1001"));
        assertEquals("LookupAccountSidW(S-1-5-21-1-2-3-1001): no account has this SID (1332)", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "S-1", "S-2-5-18", "S-1-5-x", "BUILTIN\\Administrators", "S-1-281474976710656-1",
        "S-1-5-4294967296", "S-1-5-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15-16"})
    void malformedSidStringsAreRefusedBeforeAnyCall(String sid) {
        assertThrows(IllegalArgumentException.class, () -> lookup.nameOf(sid));
        assertTrue(fake.fake_acct_calls() == 0, "no native call");
    }
}
