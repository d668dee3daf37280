/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.novaagent.testkit.TestCommandContext;

class HostnameWriterTests {

    @ParameterizedTest
    @ValueSource(strings = {"web01", "a", "web-01.example.com", "0xdead", "x23456789012345678901234567890123456789012345678901234567890123"})
    void validNames(String name) {
        assertTrue(HostnameWriter.isValid(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-web", "web-", "we_b", "web..x", "web.", "ünï", "a b",
        "x234567890123456789012345678901234567890123456789012345678901234"})
    void invalidNames(String name) {
        assertFalse(HostnameWriter.isValid(name), name);
    }

    @Test
    void tooLongInTotalForTheKernel() {
        // HOST_NAME_MAX is 64: sethostname(2) and systemd refuse longer names, so 253 is never reached
        assertTrue(HostnameWriter.isValid("a".repeat(63)));
        assertTrue(HostnameWriter.isValid("a".repeat(30) + "." + "b".repeat(33)));
        assertFalse(HostnameWriter.isValid("a".repeat(30) + "." + "b".repeat(34)));
        String label = "a".repeat(63);
        assertFalse(HostnameWriter.isValid(String.join(".", label, label, label, "a".repeat(61))));
    }

    @Test
    void writesEtcHostnameOnceAndLeavesHostsAloneByDefault(@TempDir Path root) throws Exception {
        HostnameWriter w = new HostnameWriter(new FileStager(root));
        assertFalse(w.write("web01", false).isEmpty());
        assertTrue(w.write("web01", false).isEmpty());
        assertEquals("web01\n", Files.readString(root.resolve("etc/hostname")));
        assertFalse(Files.exists(root.resolve("etc/hosts")));
        assertThrows(IllegalArgumentException.class, () -> w.write("bad name", false));
    }

    @Test
    void hostsLineIsReplacedNotDuplicated() {
        String once = HostnameWriter.hosts("db.example.com", "127.0.0.1 localhost\n");
        assertEquals("127.0.0.1 localhost\n127.0.1.1\tdb.example.com db\t" + HostnameWriter.HOSTS_MARKER + "\n", once);
        String twice = HostnameWriter.hosts("web", once);
        assertEquals("127.0.0.1 localhost\n127.0.1.1\tweb\t" + HostnameWriter.HOSTS_MARKER + "\n", twice);
        assertEquals("127.0.0.1\tlocalhost\n127.0.1.1\tweb\t" + HostnameWriter.HOSTS_MARKER + "\n",
                HostnameWriter.hosts("web", ""));
    }

    @Test
    void commandFallsBackToHostname(@TempDir Path root) {
        TestCommandContext ctx = TestCommandContext.of(root);
        assertEquals(List.of("hostname", "web01"), HostnameWriter.command("web01", ctx.hostFacts()));
    }
}
