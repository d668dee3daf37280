/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.plugin.rhel.registration.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a configuration file so it is either the old or the complete new text: temp file in the
 * same directory, fsync, chmod, atomic rename. Exists because 2.x wrote {@code up2date} in place
 * and crashed when {@code /etc/sysconfig/rhn} was missing (docs/protocol.md §7.1).
 */
final class AtomicFileWriter {

    private AtomicFileWriter() {
    }

    /**
     * @param target the file; missing parent directories are created (0755)
     * @param text   the content, written as UTF-8
     * @param mode   the final mode, e.g. {@code rw-r--r--}
     * @throws IOException when writing fails; the temp file is removed and the target unchanged
     */
    static void write(Path target, String text, String mode) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".nova-agent.tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(mode));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Not every file system can fsync a directory; the rename has happened.
        }
    }
}
