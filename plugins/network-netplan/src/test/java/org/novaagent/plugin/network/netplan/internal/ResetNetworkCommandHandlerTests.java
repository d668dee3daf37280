/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.network.netplan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.HostFacts;
import org.novaagent.testkit.TestHostFacts;

class ResetNetworkCommandHandlerTests {

    @Test
    void applicableOnlyWithEtcNetplanAndTheNetplanBinary(@TempDir Path root) throws Exception {
        ResetNetworkCommandHandler h = new ResetNetworkCommandHandler();
        HostFacts facts = TestHostFacts.debian(root);
        assertFalse(h.isApplicable(facts));
        Files.createDirectories(root.resolve("etc/netplan"));
        assertFalse(h.isApplicable(facts));
        assertTrue(h.applicability(facts).reason().startsWith("netplan not found"));
        Path bin = Files.createDirectories(root.resolve("usr/sbin")).resolve("netplan");
        Files.writeString(bin, "#!/bin/sh\n");
        assertTrue(bin.toFile().setExecutable(true));
        assertTrue(h.isApplicable(facts));
        assertEquals("netplan at /usr/sbin/netplan", h.applicability(facts).reason());
        assertEquals(org.novaagent.network.NetworkBackend.NETPLAN.priority(), h.priority());
        assertEquals("resetnetwork", h.name());
    }

    @Test
    void registeredAsService() {
        List<String> names = ServiceLoader.load(CommandHandler.class).stream()
                .map(p -> p.type().getName()).toList();
        assertTrue(names.contains(ResetNetworkCommandHandler.class.getName()), names.toString());
    }

    @Test
    void yamlScalarsAreQuotedWhenNeeded() {
        assertEquals("eth0", YamlWriter.scalar("eth0"));
        assertEquals("10.0.0.1/24", YamlWriter.scalar("10.0.0.1/24"));
        assertEquals("\"::/0\"", YamlWriter.scalar("::/0"));
        assertEquals("\"bc:76:4e:20:75:72\"", YamlWriter.scalar("bc:76:4e:20:75:72"));
        assertEquals("\"yes\"", YamlWriter.scalar("yes"));
        assertEquals("\"64\"", YamlWriter.scalar("64"));
        assertEquals("\"a\\\"b\\nc\"", YamlWriter.scalar("a\"b\nc"));
    }
}
