/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api.support;

import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Set;

/**
 * What {@link SafeFiles#stat} saw of one directory entry, read through the handle of its
 * directory without following a symbolic link ({@code fstatat(dirfd, name, AT_SYMLINK_NOFOLLOW)}).
 *
 * @param type    what the entry is; a symbolic link is reported as {@link Type#SYMLINK}, never followed
 * @param size    its size in bytes (a sparse file reports its apparent size)
 * @param mode    its permission bits ({@code 0644}); set-id and sticky bits are not included
 * @param owner   its owner
 * @param group   its group
 * @param fileKey the (device, inode) identity, to notice that an entry was swapped between two looks
 */
public record FileFacts(Type type, long size, int mode, UserPrincipal owner, GroupPrincipal group, Object fileKey) {

    /** The kinds of entry {@link SafeFiles} tells apart. */
    public enum Type {
        /** a regular file */
        REGULAR,
        /** a directory */
        DIRECTORY,
        /** a symbolic link (not followed) */
        SYMLINK,
        /** a FIFO, socket or device */
        OTHER
    }

    static FileFacts of(PosixFileAttributes a) {
        Type type = a.isSymbolicLink() ? Type.SYMLINK : a.isDirectory() ? Type.DIRECTORY
                : a.isRegularFile() ? Type.REGULAR : Type.OTHER;
        return new FileFacts(type, a.size(), modeOf(a.permissions()), a.owner(), a.group(), a.fileKey());
    }

    /**
     * @param permissions a permission set
     * @return the same as octal mode bits, e.g. {@code 0640}
     */
    public static int modeOf(Set<PosixFilePermission> permissions) {
        int m = 0;
        for (PosixFilePermission p : permissions) {
            m |= 1 << (8 - p.ordinal());
        }
        return m;
    }

    /**
     * @param mode octal mode bits (only the low nine are used)
     * @return the same as a permission set
     */
    public static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : PosixFilePermission.values()) {
            if ((mode & (1 << (8 - p.ordinal()))) != 0) {
                set.add(p);
            }
        }
        return set;
    }
}
