/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The hostname rules (issue #10 section 2) over the names nova really writes. */
class HostnameRulesTests {

    static final String SIXTY = "payments-api-production-worker-in-region-iad3-number-0000042";

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("web01", "web01"),
                Arguments.of("web01\n", "web01"),
                Arguments.of("  web01 \r\n", "web01"),
                Arguments.of("RESCUE-" + SIXTY, "RESCUE-" + SIXTY.substring(0, 56)),
                Arguments.of("RESCUE-web01", "RESCUE-web01"),
                Arguments.of("my_server", "my-server"),
                Arguments.of("my__server_", "my-server"),
                Arguments.of("web 01 - prod", "web-01-prod"),
                Arguments.of("web01.example.com", "web01.example.com"),
                Arguments.of("web01.example.com.", "web01.example.com"),
                Arguments.of(".web01..example.com", "web01.example.com"),
                Arguments.of("db_1.int_ernal.example.com", "db-1.int-ernal.example.com"),
                Arguments.of("Café-Zürich", "Cafe-Zurich"),
                Arguments.of("日本語-server", "server"),
                Arguments.of("xn--bcher-kva.example", "xn--bcher-kva.example"),
                Arguments.of("-web-", "web"),
                Arguments.of("a".repeat(40) + "." + "b".repeat(30) + ".example.com", "a".repeat(40)),
                Arguments.of("a".repeat(20) + "." + "b".repeat(20) + "." + "c".repeat(30), "a".repeat(20) + "." + "b".repeat(20)),
                Arguments.of("web\u2028evil", "web-evil"),
                Arguments.of("web\u0000\u202e01", "web-01"));
    }

    @ParameterizedTest
    @MethodSource("names")
    void becomesAValidHostname(String raw, String expected) {
        HostnameRules.Result r = HostnameRules.normalise(raw);
        assertEquals(Optional.of(expected), r.hostname(), SafeText.quote(raw));
        assertTrue(HostnameRules.isValid(expected), expected);
        assertEquals(!expected.equals(raw.strip()), r.adjusted(), r.adjustments().toString());
        assertEquals(r.hostname(), HostnameRules.normalise(expected).hostname(), "idempotent");
        assertFalse(HostnameRules.normalise(expected).adjusted(), "a valid name is never adjusted");
    }

    @Test
    void rescuePrefixPlusSixtyCharactersIsCutAndSaysWhy() {
        HostnameRules.Result r = HostnameRules.normalise("RESCUE-" + SIXTY);
        assertEquals(63, r.hostname().orElseThrow().length());
        assertEquals(List.of("labels cut to 63 characters"), r.adjustments());
        assertEquals("vm-data/hostname 'RESCUE-" + SIXTY + "' adjusted: hostname set to 'RESCUE-" + SIXTY.substring(0, 56)
                + "' (labels cut to 63 characters)", r.describe());
    }

    @Test
    void nothingUsableLeavesTheHostnameAsItWas() {
        for (String raw : List.of("___", "日本語", "-", "...", "\u202e")) {
            HostnameRules.Result r = HostnameRules.normalise(raw);
            assertEquals(Optional.empty(), r.hostname(), raw);
            assertTrue(r.describe().contains("hostname left unchanged"), r.describe());
            assertTrue(r.describe().chars().allMatch(c -> c >= 0x20 && c < 0x7f), "reply stays printable: " + r.describe());
        }
        HostnameRules.Result empty = HostnameRules.normalise("");
        assertEquals(Optional.empty(), empty.hostname());
        assertFalse(empty.adjusted(), "an empty value is no hostname, not an adjustment");
        assertEquals("", HostnameRules.normalise(" \n").describe());
    }

    @Test
    void aSmallerPlatformLimitCutsTheFirstLabel() {
        // what a Windows plugin adds on top: NetBIOS' 15 characters
        assertEquals(Optional.of("RESCUE-web-serv"), HostnameRules.normalise("RESCUE-web-server-01", 15).hostname());
        assertEquals(Optional.of("web01.example"), HostnameRules.normalise("web01.example.com", 15).hostname());
        assertEquals(Optional.of("abcdefghijklmn"), HostnameRules.normalise("abcdefghijklmn-p", 15).hostname());
        assertThrows(IllegalArgumentException.class, () -> HostnameRules.normalise("x", 65));
    }
}
