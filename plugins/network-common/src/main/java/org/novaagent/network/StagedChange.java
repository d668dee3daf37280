/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.network;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a {@link FileStager} actually wrote, so the caller knows whether anything needs
 * re-applying and can undo it when applying fails: created files are deleted, modified and
 * removed files get their previous content and mode back.
 */
public final class StagedChange {

    private final FileStager stager;
    private final List<FileChange> changes;

    StagedChange(FileStager stager, List<FileChange> changes) {
        this.stager = stager;
        this.changes = List.copyOf(changes);
    }

    /** @return every change done, in order (including mode-only corrections) */
    public List<FileChange> changes() {
        return changes;
    }

    /** @return true when no file content was created, modified or removed */
    public boolean isEmpty() {
        return changes.stream().noneMatch(FileChange::changesConfig);
    }

    /** @return root-relative paths created or modified */
    public List<String> writtenPaths() {
        return changes.stream().filter(c -> c.kind() == FileChange.Kind.CREATE || c.kind() == FileChange.Kind.MODIFY)
                .map(FileChange::path).toList();
    }

    /** @return root-relative paths removed */
    public List<String> removedPaths() {
        return changes.stream().filter(c -> c.kind() == FileChange.Kind.DELETE).map(FileChange::path).toList();
    }

    /**
     * Restores the state before the change, in reverse order. Idempotent.
     *
     * @throws IOException when a file cannot be restored (the others are still attempted)
     */
    public void rollback() throws IOException {
        List<FileChange> reverse = new ArrayList<>(changes);
        Collections.reverse(reverse);
        IOException first = null;
        for (FileChange c : reverse) {
            try {
                switch (c.kind()) {
                    case CREATE -> stager.delete(c.path());
                    case MODIFY, DELETE, MODE -> stager.write(c.path(), c.oldContent().orElseThrow(), c.oldMode());
                }
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "StagedChange" + changes.stream().map(c -> c.kind() + " " + c.path()).toList();
    }
}
