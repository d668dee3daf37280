/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.novaagent.xenstore.internal.DeviceTransport;
import org.novaagent.xenstore.internal.SocketTransport;
import org.novaagent.xenstore.internal.WireXenStoreClient;

/**
 * Finds and opens the XenStore connection the way the stock clients do: an explicit path, else
 * {@code $XENSTORED_PATH}, else {@code $XENSTORED_RUNDIR/socket}, {@code /var/run/xenstored/socket},
 * {@code /dev/xen/xenbus}, {@code /proc/xen/xenbus}, and FreeBSD's {@code /dev/xen/xenstore}
 * (first that exists and opens).
 */
public final class XenStoreConnector {

    /** The daemon socket used when no environment variable says otherwise. */
    public static final Path DEFAULT_SOCKET = Path.of("/var/run/xenstored/socket");
    /**
     * The guest xenbus devices, in the order they are tried: Linux's two, then FreeBSD's
     * {@code xenstore} device, which carries the same framed messages.
     */
    public static final List<Path> DEVICES = List.of(
            Path.of("/dev/xen/xenbus"), Path.of("/proc/xen/xenbus"), Path.of("/dev/xen/xenstore"));

    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    private XenStoreConnector() {
    }

    /** Opens with the process environment; see {@link #open(Optional, Map)}. */
    public static TransactionalXenStoreClient open(Optional<Path> override) throws XenStoreException {
        return open(override, System.getenv());
    }

    /**
     * Opens the first usable candidate of {@link #candidates(Optional, Map)}.
     *
     * @param override a socket or device path ({@code --xenstore}); when present it is the only candidate
     * @param env      environment variables ({@code XENSTORED_PATH}, {@code XENSTORED_RUNDIR})
     * @throws XenStoreException connectionLost, listing every path tried and why it failed
     */
    public static TransactionalXenStoreClient open(Optional<Path> override, Map<String, String> env) throws XenStoreException {
        List<String> tried = new ArrayList<>();
        for (Path p : candidates(override, env)) {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.exists(p)) {
                tried.add(p + " (missing)");
                continue;
            }
            try {
                return openPath(p);
            } catch (XenStoreException e) {
                tried.add(p + " (" + e.getMessage() + ")");
            }
        }
        throw XenStoreException.connectionLost("no XenStore connection; tried: " + String.join(", ", tried), null);
    }

    /** @return the paths {@link #open(Optional, Map)} tries, in order */
    public static List<Path> candidates(Optional<Path> override, Map<String, String> env) {
        if (override.isPresent()) {
            return List.of(override.get());
        }
        String xsPath = env.get("XENSTORED_PATH");
        if (xsPath != null && !xsPath.isEmpty()) {
            return List.of(Path.of(xsPath));
        }
        List<Path> out = new ArrayList<>();
        String rundir = env.get("XENSTORED_RUNDIR");
        if (rundir != null && !rundir.isEmpty()) {
            out.add(Path.of(rundir, "socket"));
        }
        out.add(DEFAULT_SOCKET);
        out.addAll(DEVICES);
        return out;
    }

    /** Opens a Unix socket if {@code path} is one, else the xenbus device at {@code path}. */
    public static TransactionalXenStoreClient openPath(Path path) throws XenStoreException {
        return isSocket(path) ? openSocket(path) : openDevice(path);
    }

    /** Connects to a daemon's Unix socket; requests are multiplexed by req_id. */
    public static TransactionalXenStoreClient openSocket(Path socket) throws XenStoreException {
        try {
            return new WireXenStoreClient(SocketTransport.connect(socket, false));
        } catch (IOException e) {
            throw XenStoreException.connectionLost("cannot connect to " + socket + ": " + e.getMessage(), e);
        }
    }

    /** Opens the guest xenbus device; one request is in flight at a time (see README). */
    public static TransactionalXenStoreClient openDevice(Path device) throws XenStoreException {
        try {
            return new WireXenStoreClient(DeviceTransport.open(device));
        } catch (IOException e) {
            throw XenStoreException.connectionLost("cannot open " + device + ": " + e.getMessage(), e);
        }
    }

    private static boolean isSocket(Path p) {
        try {
            Object mode = Files.getAttribute(p, "unix:mode");
            return mode instanceof Integer && (((Integer) mode) & S_IFMT) == S_IFSOCK;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return !p.startsWith("/dev") && !p.startsWith("/proc");
        }
    }
}
