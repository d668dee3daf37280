/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugins-directory layer on the class path: which jars make it into the layer and how
 * bad ones are reported. (That the handlers are then served is proven on the module path by
 * {@code PluginsListEndToEndTests}.)
 */
class PluginLayerFactoryTests {

    @TempDir
    Path work;

    private Path pluginsDir() throws Exception {
        Path dir = Files.createDirectories(work.resolve("plugins"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    private static PluginLayerFactory factory() {
        return new PluginLayerFactory(new PluginDirectoryPolicy(true));
    }

    @Test
    void missingDirectoryMeansNoPluginsAndNoProblem() {
        PluginLoadResult r = factory().load(work.resolve("nope"));
        assertTrue(r.layer().isEmpty());
        assertTrue(r.problems().isEmpty());
    }

    @Test
    void goodPluginIsLoadedIntoTheLayer() throws Exception {
        Path dir = pluginsDir();
        Path jar = PluginJarBuilder.helloPlugin(work, dir.resolve("hello.jar"));
        PluginLoadResult r = factory().load(dir);
        assertTrue(r.layer().isPresent(), r.problems().toString());
        assertEquals(jar.toAbsolutePath(), r.modules().get("com.example.hello").toAbsolutePath());
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertTrue(r.layer().get().findModule("com.example.hello").isPresent());
    }

    @Test
    void brokenJarIsReportedAndTheGoodOneKept() throws Exception {
        Path dir = pluginsDir();
        PluginJarBuilder.helloPlugin(work, dir.resolve("hello.jar"));
        PluginJarBuilder.brokenJar(dir.resolve("broken.jar"));
        PluginLoadResult r = factory().load(dir);
        assertEquals(Set.of("com.example.hello"), r.modules().keySet());
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("broken.jar") && p.contains("left out")),
                r.problems().toString());
    }

    @Test
    void jarNeedingAMissingModuleIsReportedAndTheGoodOneKept() throws Exception {
        Path dir = pluginsDir();
        PluginJarBuilder.helloPlugin(work, dir.resolve("hello.jar"));
        PluginJarBuilder.needyPlugin(work, dir.resolve("needy.jar"));
        PluginLoadResult r = factory().load(dir);
        assertEquals(Set.of("com.example.hello"), r.modules().keySet());
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("needy.jar") && p.contains("com.example.absent")),
                r.problems().toString());
    }

    @Test
    void duplicateModuleKeepsTheFirstJarAndNamesBoth() throws Exception {
        Path dir = pluginsDir();
        PluginJarBuilder.helloPlugin(work.resolve("a"), Files.createDirectories(work.resolve("a")).resolve("x.jar"));
        Files.copy(work.resolve("a/x.jar"), dir.resolve("a-hello.jar"));
        Files.copy(work.resolve("a/x.jar"), dir.resolve("b-hello.jar"));
        PluginLoadResult r = factory().load(dir);
        assertEquals(dir.resolve("a-hello.jar").toAbsolutePath(), r.modules().get("com.example.hello").toAbsolutePath());
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("b-hello.jar")), r.problems().toString());
    }

    @Test
    void onlyBadJarsMeansBootOnlyWithAClearMessage() throws Exception {
        Path dir = pluginsDir();
        PluginJarBuilder.brokenJar(dir.resolve("broken.jar"));
        PluginLoadResult r = factory().load(dir);
        assertTrue(r.layer().isEmpty());
        assertTrue(r.problems().stream().anyMatch(p -> p.contains("boot-layer handlers only")), r.problems().toString());
    }

    @Test
    void insecureDirectoryIsNotLoaded() throws Exception {
        Path dir = pluginsDir();
        PluginJarBuilder.helloPlugin(work, dir.resolve("hello.jar"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        PluginLoadResult r = new PluginLayerFactory(new PluginDirectoryPolicy(false)).load(dir);
        assertTrue(r.layer().isEmpty());
        assertTrue(r.problems().stream().anyMatch(p -> p.contains(dir + " is world-writable")), r.problems().toString());
    }

    @Test
    void jarsLoadFromAPrivateCopyButAreReportedByTheirOwnPath() throws Exception {
        Path dir = pluginsDir();
        Path jar = PluginJarBuilder.helloPlugin(work, dir.resolve("hello.jar"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        PluginLoadResult r = new PluginLayerFactory(new PluginDirectoryPolicy(false)).load(dir);
        assertTrue(r.layer().isPresent(), r.problems().toString());
        assertEquals(jar.toAbsolutePath(), r.modules().get("com.example.hello").toAbsolutePath());
        java.net.URI loadedFrom = r.layer().get().configuration().findModule("com.example.hello").orElseThrow()
                .reference().location().orElseThrow();
        Path copy = Path.of(loadedFrom);
        assertTrue(!copy.startsWith(dir) && Files.exists(copy), copy.toString());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy.getParent())));
        assertEquals(java.util.Arrays.toString(Files.readAllBytes(jar)), java.util.Arrays.toString(Files.readAllBytes(copy)));
    }
}
