/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RequiredToolTests {

    private static final String MISSING = "nova-testkit-no-such-tool";

    @Test
    void findsToolsOnThePathAndInTheSbinDirectories(@TempDir Path dir) throws Exception {
        Path tool = dir.resolve("mytool");
        Files.writeString(tool, "#!/bin/sh\n");
        assertTrue(tool.toFile().setExecutable(true));
        assertEquals(tool, RequiredTool.require("mytool", "test", Map.of("PATH", "/nonexistent:" + dir)));
        Path sh = RequiredTool.require("sh", "every test machine has a shell", Map.of());
        assertTrue(RequiredTool.EXTRA_DIRS.contains(sh.getParent().toString()), sh + " found without PATH");
        assertEquals(Optional.of(tool), RequiredTool.find(tool.toString(), Map.of()), "an absolute path");
        assertEquals(Optional.empty(), RequiredTool.find(dir.resolve("absent").toString(), Map.of()));
    }

    @Test
    void aFileThatIsNotExecutableDoesNotCount(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("plain"), "data");
        assertEquals(Optional.empty(), RequiredTool.find("plain", Map.of("PATH", dir.toString())));
    }

    @Test
    void missingToolSkipsWithTheReasonOutsideCi() {
        TestAbortedException e = assertThrows(TestAbortedException.class,
                () -> RequiredTool.require(MISSING, "validates things", Map.of("PATH", "/nonexistent")));
        assertTrue(e.getMessage().contains(MISSING + " not installed: validates things"), e.getMessage());
        assertThrows(TestAbortedException.class,
                () -> RequiredTool.require(MISSING, "x", Map.of("CI", "false")), "only CI=true fails");
    }

    @Test
    void missingToolFailsInCi() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> RequiredTool.require(MISSING, "validates things", Map.of("CI", "true")));
        assertEquals(MISSING + " not installed: validates things", e.getMessage());
    }

    @Test
    void rootIsRequiredTheSameWay() {
        RequiredTool.requireRoot("creates namespaces", Map.of("CI", "true"), "root");
        TestAbortedException skip = assertThrows(TestAbortedException.class,
                () -> RequiredTool.requireRoot("creates namespaces", Map.of(), "alice"));
        assertTrue(skip.getMessage().contains("not running as root: creates namespaces"), skip.getMessage());
        AssertionFailedError fail = assertThrows(AssertionFailedError.class,
                () -> RequiredTool.requireRoot("creates namespaces", Map.of("CI", "true"), "alice"));
        assertEquals("not running as root: creates namespaces", fail.getMessage());
    }

    @Test
    void installedFilesAreRequiredTheSameWay(@TempDir Path dir) {
        RequiredTool.requireInstalled(dir, "python3-demo", "cross-checks", Map.of("CI", "true"));
        Path absent = dir.resolve("dist-packages/demo");
        TestAbortedException skip = assertThrows(TestAbortedException.class,
                () -> RequiredTool.requireInstalled(absent, "python3-demo", "cross-checks", Map.of()));
        assertTrue(skip.getMessage().contains("python3-demo not installed: cross-checks"), skip.getMessage());
        AssertionFailedError fail = assertThrows(AssertionFailedError.class,
                () -> RequiredTool.requireInstalled(absent, "python3-demo", "cross-checks", Map.of("CI", "true")));
        assertEquals("python3-demo not installed: cross-checks", fail.getMessage());
    }
}
