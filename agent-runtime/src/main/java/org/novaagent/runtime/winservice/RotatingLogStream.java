/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.winservice;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The Windows service's log file: {@code nova-agent.log} in the log directory, rotated when a
 * write would take it past the size limit ({@code nova-agent.log} → {@code .1} → ... → {@code .N},
 * the oldest dropped). Windows has no journald, and slf4j-simple writes to one stream, so the
 * service points {@code System.err} at this. Lines are never split across files: rotation happens
 * only at the start of a write, and slf4j-simple writes a line per call.
 */
public final class RotatingLogStream extends OutputStream {

    /** The current file's name. */
    public static final String FILE = "nova-agent.log";

    private final Path dir;
    private final long maxBytes;
    private final int keep;
    private OutputStream out;
    private long size;

    /**
     * @param dir      the log directory (created if missing)
     * @param maxBytes the size at which the file rotates
     * @param keep     how many rotated files are kept
     * @throws IOException when the directory or file cannot be opened
     */
    public RotatingLogStream(Path dir, long maxBytes, int keep) throws IOException {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.keep = keep;
        Files.createDirectories(dir);
        open();
    }

    private void open() throws IOException {
        Path file = dir.resolve(FILE);
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        size = Files.size(file);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (size > 0 && size + len > maxBytes) {
            rotate();
        }
        out.write(b, off, len);
        size += len;
    }

    private void rotate() throws IOException {
        out.close();
        Files.deleteIfExists(dir.resolve(FILE + "." + keep));
        for (int i = keep - 1; i >= 1; i--) {
            Path from = dir.resolve(FILE + "." + i);
            if (Files.exists(from)) {
                Files.move(from, dir.resolve(FILE + "." + (i + 1)), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(dir.resolve(FILE), dir.resolve(FILE + ".1"), StandardCopyOption.REPLACE_EXISTING);
        open();
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
