/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.notify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code /proc/self/status} says about the agent's privileges, read without any native call: the
 * effective uid and the effective and bounding capability sets. {@link SystemdNotifyCommand} needs a child
 * that may put its parent's pid into {@code SCM_CREDENTIALS}; the kernel allows that to a sender with
 * {@code CAP_SYS_ADMIN}, which a root child receives on exec from the bounding set (at most the parent's
 * permitted set under no_new_privs, hence the effective set too).
 *
 * @param effectiveUid the second field of {@code Uid:}
 * @param capEff       {@code CapEff:}
 * @param capBnd       {@code CapBnd:}
 */
record ProcStatus(long effectiveUid, long capEff, long capBnd) {

    /** The file read by {@link #readSelf()}. */
    static final Path SELF = Path.of("/proc/self/status");
    /** {@code CAP_SYS_ADMIN}'s bit. */
    static final int CAP_SYS_ADMIN = 21;

    /**
     * @return the agent's own status, or empty when {@code /proc} is not there or unreadable
     */
    static Optional<ProcStatus> readSelf() {
        try {
            return parse(Files.readString(SELF));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * @param text the content of a {@code /proc/<pid>/status} file
     * @return the fields, or empty when one is missing or malformed
     */
    static Optional<ProcStatus> parse(String text) {
        Long uid = null;
        Long eff = null;
        Long bnd = null;
        try {
            for (String line : text.split("\n")) {
                if (line.startsWith("Uid:")) {
                    String[] ids = line.substring(4).trim().split("\\s+");
                    uid = ids.length >= 2 ? Long.parseLong(ids[1]) : null;
                } else if (line.startsWith("CapEff:")) {
                    eff = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                } else if (line.startsWith("CapBnd:")) {
                    bnd = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                }
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (uid == null || eff == null || bnd == null) {
            return Optional.empty();
        }
        return Optional.of(new ProcStatus(uid, eff, bnd));
    }

    /**
     * @return true when a child run as this process may send datagrams credited to this process's pid:
     *         effective uid 0 and {@code CAP_SYS_ADMIN} in both the effective and the bounding set
     */
    boolean maySendForParent() {
        long sysAdmin = 1L << CAP_SYS_ADMIN;
        return effectiveUid == 0 && (capEff & sysAdmin) != 0 && (capBnd & sysAdmin) != 0;
    }
}
