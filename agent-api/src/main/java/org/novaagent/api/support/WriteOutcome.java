/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.api.support;

/**
 * What {@link SafeFiles#write} (or {@link SafeFiles#backup}) did. The API logs nothing (it has
 * no logging dependency): a caller that asked for a backup should log {@link #backupNote()} when
 * it is not empty.
 *
 * @param written    the file was replaced or created ({@code false}: it was unchanged)
 * @param backup     what happened to the previous content
 * @param oldSize    size of the previous file in bytes, {@code -1} when there was none
 */
public record WriteOutcome(boolean written, Backup backup, long oldSize) {

    /** The fate of the replaced content. */
    public enum Backup {
        /** no backup was asked for, or there was no previous file */
        NONE,
        /** the previous content is in its backup file */
        KEPT,
        /** the previous file was larger than {@link SafeFiles#COPY_LIMIT}: not copied */
        SKIPPED_TOO_LARGE
    }

    /**
     * @return an empty string, or the reason a wanted backup was not kept (for the caller's log)
     */
    public String backupNote() {
        return backup == Backup.SKIPPED_TOO_LARGE ? "no backup kept: the previous file has " + oldSize
                + " bytes, more than the " + SafeFiles.COPY_LIMIT + "-byte limit on copies" : "";
    }
}
