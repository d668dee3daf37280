/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api.support;

/**
 * How {@link SafeFiles#write} writes one file. Immutable; start from {@link #mode(int)} and add
 * what the caller wants with the {@code with…}/{@code keep…} methods.
 *
 * @param mode          the file's mode ({@code 0600}); for an existing file too unless
 *                      {@code keepExisting}
 * @param keepExisting  an existing file keeps its owner, group and mode (file-inject, shadow);
 *                      a new file gets {@code mode}, owned by the agent
 * @param parentMode    missing parent directories are created with this mode; {@code -1}: they
 *                      must exist
 * @param backup        keep the one backup of the replaced content under {@link BackupDirectory}
 *                      (at most {@link SafeFiles#COPY_LIMIT} bytes; a larger file is not copied and
 *                      the outcome says so)
 * @param skipUnchanged do nothing when the file already has this content (and mode)
 */
public record WriteOptions(int mode, boolean keepExisting, int parentMode, boolean backup, boolean skipUnchanged) {

    /** Checks the mode values. */
    public WriteOptions {
        if ((mode & ~0777) != 0 || (parentMode != -1 && (parentMode & ~0777) != 0)) {
            throw new IllegalArgumentException("modes are permission bits only: " + Integer.toOctalString(mode)
                    + ", " + Integer.toOctalString(parentMode));
        }
    }

    /**
     * @param mode the file's mode, e.g. {@code 0644}
     * @return options that write with that mode, need existing parents, keep no backup, always write
     */
    public static WriteOptions mode(int mode) {
        return new WriteOptions(mode, false, -1, false, false);
    }

    /** @return these options, keeping an existing file's owner, group and mode */
    public WriteOptions keepingExisting() {
        return new WriteOptions(mode, true, parentMode, backup, skipUnchanged);
    }

    /**
     * @param dirMode mode of each directory created, e.g. {@code 0755}
     * @return these options, creating missing parent directories
     */
    public WriteOptions withParents(int dirMode) {
        return new WriteOptions(mode, keepExisting, dirMode, backup, skipUnchanged);
    }

    /** @return these options, keeping one backup of the replaced content */
    public WriteOptions withBackup() {
        return new WriteOptions(mode, keepExisting, parentMode, true, skipUnchanged);
    }

    /** @return these options, writing nothing when content (and mode) are already right */
    public WriteOptions skippingUnchanged() {
        return new WriteOptions(mode, keepExisting, parentMode, backup, true);
    }
}
