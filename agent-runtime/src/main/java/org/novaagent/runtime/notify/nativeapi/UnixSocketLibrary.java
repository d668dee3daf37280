/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.notify.nativeapi;

import jnr.ffi.annotations.In;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The libc calls needed to send one AF_UNIX datagram, bound by jnr-ffi. Public and in a package of
 * its own because jnr-ffi generates its proxy in another module, which must be able to see it (the
 * module must export this package unqualified). Linux layouts and constants only.
 */
public interface UnixSocketLibrary {

    /** {@code AF_UNIX} on Linux. */
    int AF_UNIX = 1;
    /** {@code SOCK_DGRAM} on Linux (x86, arm, ppc, s390; not mips). */
    int SOCK_DGRAM = 2;
    /** {@code SOCK_CLOEXEC} on Linux, or-ed into the type. */
    int SOCK_CLOEXEC = 0x80000;
    /** {@code MSG_NOSIGNAL} on Linux. */
    int MSG_NOSIGNAL = 0x4000;
    /** Size of {@code sun_path} in {@code struct sockaddr_un} on Linux. */
    int SUN_PATH_MAX = 108;

    /**
     * @return a file descriptor, or -1 (errno saved)
     */
    @SaveError
    int socket(int domain, int type, int protocol);

    /**
     * @param addr    a {@code struct sockaddr_un} laid out as bytes
     * @param addrlen the number of meaningful bytes of {@code addr}
     * @return the bytes sent, or -1 (errno saved)
     */
    @SaveError
    @ssize_t
    long sendto(int fd, @In byte[] buf, @size_t long len, int flags, @In byte[] addr, int addrlen);

    /** @return 0, or -1 */
    int close(int fd);

    /** @return the message for an errno value */
    String strerror(int errnum);
}
