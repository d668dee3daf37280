/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.runtime.doctor;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.novaagent.runtime.history.RequestHistory;
import org.novaagent.runtime.state.WindowsStateFiles;

/**
 * The host under the agent: a clock that is not before the agent was built (TLS for RHEL
 * registration and every timestamp depend on it), free space where the agent keeps its state and
 * backups, and a private, writable {@code var/lib/nova-agent} (a probe file is created there and
 * removed).
 */
final class HostCheck implements DoctorCheck {

    private static final String NAME = "host";

    @Override
    public List<Finding> run(DoctorContext ctx) throws IOException {
        List<Finding> out = new ArrayList<>();
        Instant now = ctx.clock().instant();
        if (now.isBefore(ctx.notBefore())) {
            out.add(Finding.fail(NAME, "clock says " + now + ", before this agent was built (" + ctx.notBefore() + ")",
                    "set the time and enable NTP (timedatectl set-ntp true, or chronyd/ntpd)"));
        } else {
            out.add(Finding.ok(NAME, "clock " + now));
        }
        WindowsStateFiles windows = ctx.agent().hostFacts().isWindows() ? WindowsStateFiles.under(ctx.root()) : null;
        Path state = windows != null ? windows.path() : ctx.root().resolve(RequestHistory.STATE_DIR);
        Path existing = state;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        FileStore store = Files.getFileStore(existing == null ? ctx.root() : existing);
        long free = store.getUsableSpace();
        if (free < ctx.minFreeBytes()) {
            out.add(Finding.fail(NAME, (free >> 20) + " MiB free on " + store + " for " + state
                    + " (needs " + (ctx.minFreeBytes() >> 20) + " MiB)", "free disk space (journalctl --vacuum-size, apt clean, dnf clean all)"));
        } else {
            out.add(Finding.ok(NAME, (free >> 20) + " MiB free for " + state));
        }
        out.add(windows != null ? windowsStateDirectory(windows) : stateDirectory(state));
        return out;
    }

    /** Windows: private to SYSTEM and Administrators (the NTFS ACL), as the journal and history writers require. */
    static Finding windowsStateDirectory(WindowsStateFiles state) {
        List<String> problems = state.problems();
        if (!problems.isEmpty()) {
            return Finding.fail(NAME, String.join("; ", problems) + " (the request journal and history are not written)",
                    state.fix());
        }
        return Finding.ok(NAME, state.path() + (Files.isDirectory(state.path(), LinkOption.NOFOLLOW_LINKS)
                ? " private to the agent" : " not created yet (created private on the first request)"));
    }

    private static Finding stateDirectory(Path state) {
        String fix = "rm -rf " + state + " (the agent recreates it 0700), or chown root:root and chmod 0700 it";
        if (!Files.exists(state, LinkOption.NOFOLLOW_LINKS)) {
            return Files.isWritable(existingParent(state)) ? Finding.ok(NAME, state + " not created yet (its parent is writable)")
                    : Finding.fail(NAME, state + " cannot be created: " + existingParent(state) + " is not writable", fix);
        }
        try {
            PosixFileAttributes a = Files.readAttributes(state, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String mode = PosixFilePermissions.toString(a.permissions());
            if (!a.isDirectory()) {
                return Finding.fail(NAME, state + " is not a directory (" + (a.isSymbolicLink() ? "a symbolic link" : "a file") + ")", fix);
            }
            if (!a.owner().getName().equals(System.getProperty("user.name")) || !mode.startsWith("rwx") || !mode.endsWith("------")) {
                return Finding.fail(NAME, state + " is owned by " + a.owner().getName() + " with mode " + mode
                        + " (should be private to the agent: rwx------)", fix);
            }
            Path probe = Files.createTempFile(state, ".doctor-", ".probe");
            Files.delete(probe);
            return Finding.ok(NAME, state + " private and writable");
        } catch (IOException e) {
            return Finding.fail(NAME, state + " not writable: " + e.getMessage(), "check that the file system is not read-only or full (mount, df)");
        }
    }

    private static Path existingParent(Path p) {
        Path q = p.getParent();
        while (q != null && !Files.exists(q)) {
            q = q.getParent();
        }
        return q == null ? p.getRoot() : q;
    }
}
