/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.tests.support.AgentProcess;
import org.novaagent.tests.support.AgentProcess.Result;

/**
 * The README's example plugin, compiled and jarred at test time, dropped into a plugins directory:
 * the real {@code agent plugins list} (child JVM, module path) shows it, and still does when a
 * broken jar lies beside it.
 */
class PluginDropInTests {

    @TempDir
    Path tmp;

    @Test
    void droppedInExamplePluginIsListedAndABrokenJarIsReportedNotFatal() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Path jar = buildExamplePlugin(plugins.resolve("hello.jar"));
        Path root = debianRoot();

        Result list = AgentProcess.run("plugins", "list", "--root", root.toString(),
                "--plugins-dir", plugins.toString(), "--allow-insecure-plugins-dir");
        assertEquals(0, list.exitCode(), list::toString);
        String hello = row(list.stdout(), "hello");
        assertTrue(hello.contains("com.example.hello") && hello.contains(jar.toString()) && hello.contains("selected"),
                list::toString);

        Files.write(plugins.resolve("broken.jar"), new byte[] {1, 2, 3, 4});
        Result again = AgentProcess.run("plugins", "list", "--root", root.toString(),
                "--plugins-dir", plugins.toString(), "--allow-insecure-plugins-dir", "--json");
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.stdout().contains("\"command\"") && again.stdout().contains("com.example.hello"), again::toString);
        assertTrue(again.stderr().contains("broken.jar"), again::toString);
    }

    @Test
    void worldWritablePluginsDirectoryIsRefusedButTheAgentStillLists() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("open-plugins"));
        buildExamplePlugin(plugins.resolve("hello.jar"));
        Files.setPosixFilePermissions(plugins, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Result list = AgentProcess.run("plugins", "list", "--root", debianRoot().toString(), "--plugins-dir", plugins.toString());
        assertEquals(0, list.exitCode(), list::toString);
        assertTrue(!list.stdout().contains("com.example.hello") && list.stdout().contains("keyinit"), list::toString);
        assertTrue(list.stderr().contains(plugins + " is world-writable (mode 0777)"), list::toString);
    }

    private Path debianRoot() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("root/etc"));
        Files.writeString(root.resolve("os-release"), "ID=debian\nVERSION_ID=\"12\"\n");
        return root.getParent();
    }

    private Path buildExamplePlugin(Path jar) throws IOException {
        return ExamplePlugin.build(tmp, jar, "1.0.0");
    }

    private static String row(String table, String command) {
        return ExamplePlugin.row(table, command);
    }
}
