/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api.support;

import java.nio.file.Path;

/**
 * The one place on a guest where plugins keep the single backup of a file they replace or remove:
 * {@code /var/lib/nova-agent/backup/<path of the file>} under the target root. Never beside the
 * file, where a tool that reads a whole directory (ifupdown's {@code source interfaces.d/*}, for
 * one) would read the backup too. Everything from {@code var/lib/nova-agent} down is private (0700):
 * backups may hold keys or network secrets. {@link SafeFiles} writes backups (with the
 * {@link WriteOptions#withBackup()} option or {@link SafeFiles#backup}); this class only names the
 * place. Stateless and thread-safe.
 */
public final class BackupDirectory {

    /** The backup directory, relative to the target root. */
    public static final String RELATIVE = "var/lib/nova-agent/backup";
    /**
     * The backup directory of a Windows target, relative to the system drive the root stands for:
     * {@code C:\ProgramData\nova-agent\backup}, under the directory the install script makes
     * Administrators- and SYSTEM-only ({@link WindowsFiles} writes there).
     */
    public static final String WINDOWS_RELATIVE = "ProgramData/nova-agent/backup";

    private BackupDirectory() {
    }

    /**
     * @param root         the target root
     * @param relativePath the backed-up file's path relative to the root, e.g. {@code etc/motd}
     * @return where its backup lives: {@code <root>/var/lib/nova-agent/backup/<relativePath>}
     * @throws IllegalArgumentException when the path is absolute or climbs out with {@code ..}
     */
    public static Path backupOf(Path root, String relativePath) {
        Path rel = Path.of(relativePath).normalize();
        if (rel.isAbsolute() || rel.startsWith("..")) {
            throw new IllegalArgumentException("not a root-relative path: " + relativePath);
        }
        return root.resolve(RELATIVE).resolve(rel);
    }
}
