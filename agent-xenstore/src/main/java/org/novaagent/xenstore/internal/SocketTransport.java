/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.internal;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/** The xenstored Unix socket ({@code XENSTORED_PATH}, {@code /var/run/xenstored/socket}). */
public final class SocketTransport implements XenbusTransport {

    private final SocketChannel channel;
    private final Path path;
    private final boolean serial;

    private SocketTransport(SocketChannel channel, Path path, boolean serial) {
        this.channel = channel;
        this.path = path;
        this.serial = serial;
    }

    /**
     * Connects to a daemon socket.
     *
     * @param serial true to behave like the device (one request in flight); used by tests
     */
    public static SocketTransport connect(Path path, boolean serial) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(path));
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        return new SocketTransport(ch, path, serial);
    }

    @Override
    public ReadableByteChannel input() {
        return channel;
    }

    @Override
    public void write(ByteBuffer message) throws IOException {
        while (message.hasRemaining()) {
            channel.write(message);
        }
    }

    @Override
    public boolean serialRequests() {
        return serial;
    }

    @Override
    public boolean isSocket() {
        return true;
    }

    @Override
    public String description() {
        return "socket " + path;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
