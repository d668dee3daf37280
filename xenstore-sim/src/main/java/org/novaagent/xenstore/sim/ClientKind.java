/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.xenstore.sim;

/**
 * How {@link EmbeddedXenStore} treats its socket clients: like dom0 (what oxenstored does for
 * its socket), or like an unprivileged guest on the xenbus ring, whose replies may not exceed
 * the 4096-byte xenbus payload limit. Calls made directly on {@link EmbeddedXenStore} are always
 * privileged.
 */
public enum ClientKind {

    /** Replies of any length (oxenstored sends a DIRECTORY over 4096 bytes to socket clients). */
    PRIVILEGED,

    /**
     * A reply over 4096 bytes is answered {@code E2BIG} (as C xenstored does); DIRECTORY_PART
     * lists a large directory in chunks.
     */
    GUEST,

    /**
     * Like {@link #GUEST}, on a daemon without DIRECTORY_PART: it answers {@code ENOSYS}, as
     * upstream oxenstored 4.17 does.
     */
    GUEST_WITHOUT_DIRECTORY_PART
}
