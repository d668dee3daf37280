/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.util.Objects;
import java.util.Optional;

/**
 * One planned file operation under the target root, computed by {@link FileStager#plan} before
 * anything is written. Keeps the previous content so a {@link StagedChange} can be rolled back.
 *
 * @param path       root-relative path
 * @param kind       what happens to the file
 * @param oldContent current content (empty for {@link Kind#CREATE})
 * @param oldMode    current POSIX mode, or -1 when the file does not exist
 * @param newContent content after the change (empty for {@link Kind#DELETE})
 * @param newMode    mode after the change, or -1 for {@link Kind#DELETE}
 */
public record FileChange(String path, Kind kind, Optional<String> oldContent, int oldMode,
                         Optional<String> newContent, int newMode) {

    /** What happens to a file. */
    public enum Kind {
        /** the file does not exist yet */
        CREATE,
        /** the content changes */
        MODIFY,
        /** an owned file that is no longer rendered */
        DELETE,
        /** only the mode is corrected; not a configuration change */
        MODE
    }

    /** Validates the components. */
    public FileChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(oldContent, "oldContent");
        Objects.requireNonNull(newContent, "newContent");
    }

    /** @return true for CREATE, MODIFY and DELETE (content changes that need re-applying) */
    public boolean changesConfig() {
        return kind != Kind.MODE;
    }
}
