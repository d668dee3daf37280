/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The one place on a guest where plugins keep the single backup of a file they replace or remove:
 * {@code /var/lib/nova-agent/backup/<path of the file>} under the target root. Never beside the
 * file, where a tool that reads a whole directory (ifupdown's {@code source interfaces.d/*}, for
 * one) would read the backup too. Everything from {@code var/lib/nova-agent} down is private (0700):
 * backups may hold keys or network secrets. Stateless and thread-safe.
 */
public final class BackupDirectory {

    /** The backup directory, relative to the target root. */
    public static final String RELATIVE = "var/lib/nova-agent/backup";

    private static final String STATE = "var/lib/nova-agent";
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

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

    /**
     * Creates the directories a backup needs: {@code var/lib} with default permissions, and every
     * directory from {@code var/lib/nova-agent} down to the backup's parent as 0700 (tightened when
     * it already exists).
     *
     * @param root   the target root
     * @param backup a path from {@link #backupOf}
     * @throws IOException when a directory cannot be created or its mode set
     */
    public static void createParents(Path root, Path backup) throws IOException {
        Path base = root.resolve(STATE).getParent();
        Path parent = backup.getParent();
        if (!parent.startsWith(root.resolve(RELATIVE))) {
            throw new IllegalArgumentException(backup + " is not under " + root.resolve(RELATIVE));
        }
        Files.createDirectories(base);
        Path current = base;
        for (Path name : base.relativize(parent)) {
            current = current.resolve(name);
            if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(current, PosixFilePermissions.asFileAttribute(PRIVATE));
            }
            Files.setPosixFilePermissions(current, PRIVATE);
        }
    }
}
