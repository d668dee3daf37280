/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.notify;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import org.novaagent.runtime.notify.nativeapi.UnixSocketLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * systemd's {@code sd_notify}: sends state messages as AF_UNIX datagrams to {@code NOTIFY_SOCKET}
 * (a path, or {@code @name} for the abstract namespace) through libc via jnr-ffi. libc is bound
 * lazily, on the first message, so agents not run by systemd never load jnr-ffi. OpenRC 0.62+'s
 * supervise-daemon speaks the same protocol ({@code notify="socket:ready"}: it binds a datagram socket,
 * exports {@code NOTIFY_SOCKET}, waits for {@code READY=1}, then removes the socket); a socket that is
 * gone ends notification quietly instead of warning on every later status. The daemon uses it where
 * {@link SystemdNotifyCommand} cannot speak for the agent (not root, no {@code systemd-notify}) and as that
 * command's fallback ({@link ServiceNotifier#fromEnvironment}); {@link FailedStartNotice} always uses it,
 * since it must have sent before the process exits.
 */
public final class SdNotify implements ServiceNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(SdNotify.class);
    /** Linux errno values meaning nobody listens at the address any more. */
    private static final int ENOENT = 2;
    private static final int ECONNREFUSED = 111;

    private final byte[] address;
    private final String displayAddress;
    private UnixSocketLibrary libc;
    private boolean broken;

    private SdNotify(byte[] address, String displayAddress) {
        this.address = address;
        this.displayAddress = displayAddress;
    }

    /**
     * @param environment the process environment (e.g. {@link System#getenv()})
     * @return a libc notifier for {@code NOTIFY_SOCKET}, or {@link ServiceNotifier#NONE} when unset or
     *         invalid (the daemon chooses with {@link ServiceNotifier#fromEnvironment} instead)
     */
    public static ServiceNotifier fromEnvironment(Map<String, String> environment) {
        String socket = environment.get("NOTIFY_SOCKET");
        if (socket == null || socket.isEmpty()) {
            return NONE;
        }
        Optional<SdNotify> notifier = forAddress(socket);
        return notifier.<ServiceNotifier>map(n -> n).orElse(NONE);
    }

    /**
     * @param socket a socket path ({@code /run/systemd/notify}) or {@code @abstract-name}
     * @return the notifier, or empty (logged) when the address is not usable
     */
    public static Optional<SdNotify> forAddress(String socket) {
        Objects.requireNonNull(socket, "socket");
        if (socket.length() < 2 || (socket.charAt(0) != '/' && socket.charAt(0) != '@')) {
            LOG.warn("NOTIFY_SOCKET '{}' is neither an absolute path nor @abstract; not notifying", socket);
            return Optional.empty();
        }
        byte[] path = socket.getBytes(StandardCharsets.UTF_8);
        boolean isAbstract = path[0] == '@';
        if (isAbstract) {
            path[0] = 0;
        }
        // a path socket needs room for its terminating NUL; an abstract name has none
        int limit = isAbstract ? UnixSocketLibrary.SUN_PATH_MAX : UnixSocketLibrary.SUN_PATH_MAX - 1;
        if (path.length > limit) {
            LOG.warn("NOTIFY_SOCKET is longer than {} bytes; not notifying", limit);
            return Optional.empty();
        }
        int length = 2 + path.length + (isAbstract ? 0 : 1);
        ByteBuffer sockaddr = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
        sockaddr.putShort((short) UnixSocketLibrary.AF_UNIX);
        sockaddr.put(path);
        return Optional.of(new SdNotify(sockaddr.array(), socket));
    }

    @Override
    public synchronized boolean notify(String state) {
        if (broken) {
            return false;
        }
        try {
            UnixSocketLibrary lib = library();
            byte[] message = state.getBytes(StandardCharsets.UTF_8);
            int fd = lib.socket(UnixSocketLibrary.AF_UNIX,
                    UnixSocketLibrary.SOCK_DGRAM | UnixSocketLibrary.SOCK_CLOEXEC, 0);
            if (fd < 0) {
                LOG.warn("sd_notify: socket() failed: {}", lastError(lib));
                return false;
            }
            try {
                long sent = lib.sendto(fd, message, message.length, UnixSocketLibrary.MSG_NOSIGNAL,
                        address, address.length);
                if (sent < 0) {
                    int errno = LastError.getLastError(Runtime.getRuntime(lib));
                    if (errno == ENOENT || errno == ECONNREFUSED) {
                        // OpenRC's supervise-daemon (notify=socket:ready) removes its socket once READY=1 arrived
                        broken = true;
                        LOG.info("NOTIFY_SOCKET {} is gone ({}): the service manager no longer listens; not notifying any more",
                                displayAddress, lib.strerror(errno));
                        return false;
                    }
                    LOG.warn("sd_notify to {} failed: {}", displayAddress, lib.strerror(errno) + " (errno " + errno + ")");
                    return false;
                }
            } finally {
                lib.close(fd);
            }
            LOG.debug("sd_notify {}: {}", displayAddress, state.replace('\n', ' '));
            return true;
        } catch (LinkageError | IllegalStateException | UnsupportedOperationException e) {
            broken = true;
            LOG.warn("sd_notify unavailable (cannot bind libc through jnr-ffi): {}", e.toString());
            return false;
        }
    }

    private UnixSocketLibrary library() {
        if (libc == null) {
            libc = LibraryLoader.create(UnixSocketLibrary.class).failImmediately().load("c");
        }
        return libc;
    }

    private static String lastError(UnixSocketLibrary lib) {
        int errno = LastError.getLastError(Runtime.getRuntime(lib));
        return lib.strerror(errno) + " (errno " + errno + ")";
    }

    @Override
    public String toString() {
        return "SdNotify[" + displayAddress + "]";
    }
}
