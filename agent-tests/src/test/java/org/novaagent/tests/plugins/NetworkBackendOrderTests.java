/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.tests.support.AgentProcess;
import org.novaagent.tests.support.AgentProcess.Result;

/**
 * The network backend order ({@code NetworkBackend}) decides between the real plugins on the module
 * path, as {@code agent plugins list} shows it: on a Debian root with both ifupdown and netplan the
 * netplan handler is selected and the ifupdown one shadowed; without netplan, ifupdown is selected.
 * No plugin looks at another's tools any more.
 */
class NetworkBackendOrderTests {

    private static final String NETPLAN = "org.novaagent.plugin.network.netplan";
    private static final String DEBIAN = "org.novaagent.plugin.network.debian";

    @TempDir
    Path tmp;

    @Test
    void netplanWinsOverIfupdownWhereBothArePresent() throws Exception {
        Path root = debianRoot("both");
        tool(root, "usr/sbin/netplan");
        Files.createDirectories(root.resolve("etc/netplan"));
        List<String> rows = resetnetworkRows(root);
        assertTrue(row(rows, NETPLAN).contains("selected"), rows.toString());
        assertTrue(row(rows, DEBIAN).contains("shadowed"), rows.toString());
    }

    @Test
    void ifupdownIsSelectedWithoutNetplan() throws Exception {
        List<String> rows = resetnetworkRows(debianRoot("eni"));
        assertTrue(row(rows, DEBIAN).contains("selected"), rows.toString());
        assertTrue(row(rows, NETPLAN).contains("no etc/netplan"), rows.toString());
    }

    private List<String> resetnetworkRows(Path root) throws IOException, InterruptedException {
        Result list = AgentProcess.run("plugins", "list", "--root", root.toString(),
                "--plugins-dir", tmp.resolve("no-plugins").toString(), "--config", tmp.resolve("none.conf").toString());
        assertEquals(0, list.exitCode(), list::toString);
        return list.stdout().lines().filter(l -> l.startsWith("resetnetwork ")).toList();
    }

    private static String row(List<String> rows, String module) {
        return rows.stream().filter(r -> r.contains(module)).findFirst().orElse("<no row for " + module + ">");
    }

    private Path debianRoot(String name) throws IOException {
        Path root = Files.createDirectories(tmp.resolve(name));
        Files.createDirectories(root.resolve("etc/network"));
        Files.writeString(root.resolve("etc/os-release"), "ID=debian\nVERSION_ID=\"12\"\n");
        Files.writeString(root.resolve("etc/network/interfaces"), "auto lo\niface lo inet loopback\n");
        tool(root, "sbin/ifup");
        return root;
    }

    private static void tool(Path root, String relative) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\nexit 0\n");
        assertTrue(p.toFile().setExecutable(true));
    }
}
