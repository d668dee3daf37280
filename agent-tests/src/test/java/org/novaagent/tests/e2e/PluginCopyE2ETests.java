/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.novaagent.host.HostReply;
import org.novaagent.host.demo.Distro;
import org.novaagent.host.demo.DistroRootBuilder;
import org.novaagent.tests.plugins.ExamplePlugin;

/**
 * Issue #19, finding 4 ("jars are opened again by path after the check, and classes load
 * lazily"): the real agent loads each checked plugin jar from its private copy, so a jar whose
 * bytes change after the check (here: rewritten in place, same inode, after start-up) does not
 * change the code that runs. The test plugin loads a second class only when its command is first
 * called. Before the fix that class came from the changed file (a broken jar or the new code).
 */
class PluginCopyE2ETests {

    @TempDir
    Path dir;

    @Test
    void aJarRewrittenAfterTheCheckIsNotTheOneLoaded() throws Exception {
        Path good = plugin("checked", "1.0.0");
        Path swapped = plugin("swapped", "6.6.6");
        try (XenStoreStage stage = XenStoreStage.start(dir.resolve("stage"), Duration.ofSeconds(30))) {
            Path plugins = Files.createDirectories(dir.resolve("stage/agent/plugins"));
            Path jar = plugins.resolve("lazy.jar");
            Files.copy(good, jar);
            Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
            Path root = DistroRootBuilder.build(dir.resolve("root"), Distro.DEBIAN);
            RunningAgent agent = stage.startAgent(root);
            Files.write(jar, Files.readAllBytes(swapped)); // in place: same inode, new bytes
            HostReply reply = stage.sim().call("lazy", "", Duration.ofSeconds(30));
            assertEquals("0", reply.returnCode(), reply + "\n" + agent.stderr());
            assertEquals("greeting from the checked jar", reply.message(), agent.stderr());
            assertTrue(agent.stderr().contains("load from private copies"), agent.stderr());
        }
    }

    /** A plugin answering {@code lazy} with a text from a class it loads only on the first call. */
    private Path plugin(String word, String version) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src-" + word + "/com.example.lazy"));
        Path pkg = Files.createDirectories(src.resolve("com/example/lazy/internal"));
        Files.writeString(src.resolve("module-info.java"), "module com.example.lazy {\n  requires org.novaagent.api;\n"
                + "  provides org.novaagent.api.CommandHandler with com.example.lazy.internal.LazyCommandHandler;\n}\n");
        Files.writeString(pkg.resolve("LazyCommandHandler.java"), "package com.example.lazy.internal;\n"
                + "import org.novaagent.api.*;\n"
                + "public final class LazyCommandHandler implements CommandHandler {\n"
                + "  @Override public String name() { return \"lazy\"; }\n"
                + "  @Override public CommandResult handle(CommandRequest r, CommandContext c) { return CommandResult.ok(Greeting.text()); }\n"
                + "}\n");
        Files.writeString(pkg.resolve("Greeting.java"), "package com.example.lazy.internal;\n"
                + "final class Greeting {\n  static String text() { return \"greeting from the " + word + " jar\"; }\n"
                + "  // padding so that the two jars differ in layout, not only in one string: " + "x".repeat(word.length() * 40)
                + "\n}\n");
        return ExamplePlugin.build(src, dir, dir.resolve(word + ".jar"), version);
    }
}
