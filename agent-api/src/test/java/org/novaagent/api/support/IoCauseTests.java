/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IoCauseTests {

    @Test
    void aRealFullDeviceIsNoSpaceLeft() {
        // /dev/full answers every write with ENOSPC: the JDK's own exception, not a made-up one
        IOException e = assertThrows(IOException.class, () -> {
            try (FileOutputStream out = new FileOutputStream("/dev/full")) {
                out.write(new byte[4096]);
                out.flush();
            }
        });
        assertEquals("no space left on device", IoCause.of(e));
    }

    @Test
    void theReasonIsKeptAndThePathsDropped() {
        FileSystemException e = new FileSystemException("/srv/root/var/lib/nova-agent/backup/etc/.nova-agent-ab12",
                null, "Read-only file system");
        assertEquals("read-only file system", IoCause.of(e));
        assertEquals("disk quota exceeded", IoCause.of(new IOException("Disk quota exceeded")));
    }

    @Test
    void theCauseChainIsSearched() {
        IOException inner = new FileSystemException("/x", null, "No space left on device");
        assertEquals("no space left on device", IoCause.of(new UncheckedIOException("wrapped /x", inner)));
        assertEquals("no space left on device", IoCause.of(new IOException("writing /srv/x failed", inner)));
    }

    @Test
    void reasonlessNioExceptionsAreNamedByTheirKind() {
        assertEquals("permission denied", IoCause.of(new AccessDeniedException("/srv/root/etc/shadow")));
        assertEquals("no such file or directory", IoCause.of(new NoSuchFileException("/srv/root/etc")));
        assertEquals("cancelled", IoCause.of(new InterruptedIOException("cancelled while writing '/srv/x'")));
    }

    @Test
    void aRefusedPathKeepsItsRootRelativeMessage() {
        assertEquals("refused: 'home/bob/.ssh' is a symbolic link",
                IoCause.of(new RefusedPathException("home/bob/.ssh", "is a symbolic link")));
    }

    @Test
    void anythingElseIsAGenericIoErrorWithoutText() {
        assertEquals(IoCause.UNKNOWN, IoCause.of(new IOException("/srv/secret/path: org.example.WeirdException")));
        assertEquals(IoCause.UNKNOWN, IoCause.of(new IllegalStateException("s3cr3t")));
        assertEquals(IoCause.UNKNOWN, IoCause.of(null));
    }

    @Test
    void aRealMissingParentIsNamed(@org.junit.jupiter.api.io.TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> Files.writeString(dir.resolve("no/such/file"), "x"));
        assertEquals("no such file or directory", IoCause.of(e));
    }
}
