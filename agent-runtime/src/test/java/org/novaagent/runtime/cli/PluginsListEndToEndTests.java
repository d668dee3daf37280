/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.runtime.plugin.PluginJarBuilder;

/**
 * The real {@code agent plugins list} in a child JVM on the module path: a plugin jar built at
 * test time and dropped into a plugins directory is listed and selected; a broken jar beside it
 * is reported on stderr and does not hide the good plugin.
 */
class PluginsListEndToEndTests {

    @TempDir
    Path work;

    private Path debianRoot() throws Exception {
        Path root = Files.createDirectories(work.resolve("root/etc"));
        Files.writeString(root.resolve("os-release"), "ID=debian\nVERSION_ID=\"12\"\n");
        return root.getParent();
    }

    @Test
    void droppedInPluginIsListedAndABrokenJarIsReported() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path hello = PluginJarBuilder.helloPlugin(work, plugins.resolve("hello.jar"));
        String root = debianRoot().toString();

        ChildJvm.Outcome good = ChildJvm.agent(work, "plugins", "list", "--plugins-dir", plugins.toString(),
                "--allow-insecure-plugins-dir", "--root", root);
        assertEquals(0, good.exitCode(), good.stderr());
        String helloLine = good.stdout().lines().filter(l -> l.startsWith("hello ")).findFirst().orElse("");
        assertTrue(helloLine.contains("com.example.hello") && helloLine.contains("1.2.3")
                && helloLine.contains(hello.toString()) && helloLine.endsWith("selected"), good.stdout());
        assertTrue(good.stdout().lines().anyMatch(l -> l.startsWith("version ") && l.contains("built-in")), good.stdout());

        PluginJarBuilder.brokenJar(plugins.resolve("broken.jar"));
        ChildJvm.Outcome mixed = ChildJvm.agent(work, "plugins", "list", "--plugins-dir", plugins.toString(),
                "--allow-insecure-plugins-dir", "--root", root, "--json");
        assertEquals(0, mixed.exitCode(), mixed.stderr());
        assertTrue(mixed.stderr().contains("broken.jar"), mixed.stderr());
        JsonNode rows = new ObjectMapper().readTree(mixed.stdout());
        JsonNode helloRow = null;
        for (JsonNode row : rows) {
            if (row.get("command").asText().equals("hello")) {
                helloRow = row;
            }
        }
        assertTrue(helloRow != null, mixed.stdout());
        assertEquals("com.example.hello", helloRow.get("module").asText());
        assertEquals(hello.toString(), helloRow.get("origin").asText());
        assertEquals("selected", helloRow.get("status").asText());
        assertEquals("selected", helloRow.get("detail").asText());
        assertEquals(List.of("command", "module", "version", "priority", "origin", "status", "detail"),
                iterableToList(helloRow.fieldNames()), "one status field (issue #11)");
    }

    private static List<String> iterableToList(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void quietByDefaultUnlessLogLevelSaysOtherwise() throws Exception {
        Path plugins = Files.createDirectories(work.resolve("empty-plugins"));
        String root = debianRoot().toString();
        for (int run = 0; run < 2; run++) {
            ChildJvm.Outcome quiet = ChildJvm.agent(work, "plugins", "list", "--plugins-dir", plugins.toString(), "--root", root);
            assertEquals(0, quiet.exitCode(), quiet.stderr());
            assertEquals("", quiet.stderr(), "run " + run + ": nothing but warnings on stderr by default");
            assertTrue(quiet.stdout().startsWith("COMMAND"), quiet.stdout());
        }
        ChildJvm.Outcome chatty = ChildJvm.agent(work, "plugins", "list", "--plugins-dir", plugins.toString(), "--root", root,
                "--log-level", "info");
        assertTrue(chatty.stderr().contains("[INFO]"), chatty.stderr());
    }

    @Test
    void versionAndHelpWork() throws Exception {
        ChildJvm.Outcome version = ChildJvm.agent(work, "version");
        assertEquals(0, version.exitCode(), version.stderr());
        assertTrue(version.stdout().strip().matches("\\d+\\.\\d+\\.\\d+.*"), version.stdout());
        ChildJvm.Outcome help = ChildJvm.agent(work, "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.stdout().contains("Exit codes") && help.stdout().contains("plugins"), help.stdout());
    }

    @Test
    void malformedConfigIsAUsageErrorNamingTheLine() throws Exception {
        Path conf = work.resolve("agent.conf");
        Files.writeString(conf, "# ok\nplugins.dir = /x\nthis line is bad\n");
        ChildJvm.Outcome r = ChildJvm.agent(work, "plugins", "list", "--config", conf.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.stderr().contains(conf + ":3"), r.stderr());
    }
}
