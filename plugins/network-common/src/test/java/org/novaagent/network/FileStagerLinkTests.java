/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #19 finding 6: an image's {@code etc/hostname} linked outside the {@code --root}; resetnetwork
 * read it and changed the outside file's mode. The stager now reads, stats, chmods and writes only
 * through no-follow handles and refuses a link at any component, naming the relative path.
 * Each test failed on the code before the fix.
 */
class FileStagerLinkTests {

    private static final String H = Headers.hashComment();

    @TempDir
    Path scratch;

    private Path outsideFile(String content) throws IOException {
        Path outside = Files.createDirectories(scratch.resolve("host-etc")).resolve("hostname");
        Files.writeString(outside, content);
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-rw-rw-"));
        return outside;
    }

    private Path root() throws IOException {
        return Files.createDirectories(scratch.resolve("image/etc")).getParent();
    }

    @Test
    void linkedFinalComponentIsNeitherChmodedNorReadNorReplaced() throws Exception {
        Path outside = outsideFile("web1\n");
        Path root = root();
        Files.createSymbolicLink(root.resolve("etc/hostname"), outside);
        FileStager s = new FileStager(root);

        IOException e = assertThrows(IOException.class,
                () -> s.stage(List.of(new RenderedFile("etc/hostname", "web1\n", 0644)), OwnedFiles.none()));
        assertTrue(e.getMessage().contains("'etc/hostname' is a symbolic link"), e.getMessage());
        assertTrue(!e.getMessage().contains(outside.toString()), "names the relative path only: " + e.getMessage());
        assertEquals("rw-rw-rw-", PosixFilePermissions.toString(Files.getPosixFilePermissions(outside)),
                "the outside file's mode was changed");
        assertEquals("web1\n", Files.readString(outside));
        assertTrue(Files.isSymbolicLink(root.resolve("etc/hostname")), "the image's link is left as it is");
    }

    @Test
    void readRefusesALinkInsteadOfReadingTheOutsideFile() throws Exception {
        Path outside = outsideFile("secret outside the root\n");
        Path root = root();
        Files.createSymbolicLink(root.resolve("etc/hosts"), outside);
        IOException e = assertThrows(IOException.class, () -> new FileStager(root).read("etc/hosts"));
        assertTrue(e.getMessage().contains("'etc/hosts' is a symbolic link"), e.getMessage());
    }

    @Test
    void linkedDirectoryInsideTheRootIsRefusedToo() throws Exception {
        Path root = root();
        Path real = Files.createDirectories(root.resolve("srv/netplan"));
        Files.createSymbolicLink(root.resolve("etc/netplan"), real);
        IOException e = assertThrows(IOException.class, () -> new FileStager(root)
                .stage(List.of(new RenderedFile("etc/netplan/50-nova-agent.yaml", H + "x\n", 0600)), OwnedFiles.none()));
        assertTrue(e.getMessage().contains("'etc/netplan' is a symbolic link"), e.getMessage());
        try (var files = Files.list(real)) {
            assertEquals(0, files.count());
        }
    }
}
