/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.internal;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;

/**
 * The guest's xenbus character device ({@code /dev/xen/xenbus} or {@code /proc/xen/xenbus}).
 * Reads and writes go through separate streams on one file descriptor: a FileChannel would
 * serialise a blocked read and a write on its position lock and deadlock.
 */
public final class DeviceTransport implements XenbusTransport {

    private final RandomAccessFile file;
    private final FileOutputStream out;
    private final ReadableByteChannel in;
    private final Path path;

    private DeviceTransport(RandomAccessFile file, Path path) throws IOException {
        this.file = file;
        this.path = path;
        this.out = new FileOutputStream(file.getFD());
        this.in = Channels.newChannel(new FileInputStream(file.getFD()));
    }

    /** Opens the device read-write. */
    public static DeviceTransport open(Path path) throws IOException {
        RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw");
        try {
            return new DeviceTransport(f, path);
        } catch (IOException e) {
            f.close();
            throw e;
        }
    }

    @Override
    public ReadableByteChannel input() {
        return in;
    }

    @Override
    public void write(ByteBuffer message) throws IOException {
        // one write() call per message: the kernel driver takes whole messages best
        byte[] bytes = new byte[message.remaining()];
        message.get(bytes);
        out.write(bytes);
    }

    @Override
    public boolean serialRequests() {
        return true;
    }

    @Override
    public boolean isSocket() {
        return false;
    }

    @Override
    public String description() {
        return "device " + path;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
